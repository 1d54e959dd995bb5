import type { FeedbackNotice } from "../room/room-state.js";

/** Practice-mode scores for the question just answered; stays until replaced or dismissed. */
export function FeedbackPanel({ feedback, onDismiss }: { feedback: FeedbackNotice; onDismiss: () => void }) {
  const { event, questionTitle } = feedback;
  return (
    <section className="feedback" data-testid="feedback" aria-live="polite">
      <div className="feedback-head">
        <h3>
          Feedback on “{questionTitle}” <span className="score">{Math.round(event.score)}/100</span>
        </h3>
        <button type="button" className="link-button" onClick={onDismiss} aria-label="Dismiss feedback">
          ×
        </button>
      </div>
      <p className="feedback-tip" data-testid="feedback-tip">
        <strong>Tip:</strong> {event.tip}
      </p>
      <ul className="feedback-criteria">
        {event.criteria.map((c) => (
          <li key={c.criterionId}>
            <div className="feedback-criterion-head">
              <strong>{c.title}</strong> <span className="score-pill">{c.score}/4</span>
            </div>
            <p>{c.feedback}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
