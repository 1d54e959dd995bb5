import type { ServerEvent } from "../../../server/contracts/index.js";

/** Practice-mode scores for the question just answered, shown until the next one starts. */
export function FeedbackPanel({ feedback }: { feedback: ServerEvent<"feedback"> }) {
  return (
    <section className="feedback" data-testid="feedback" aria-live="polite">
      <h3>
        Feedback <span className="score">{Math.round(feedback.score)}/100</span>
      </h3>
      <ul className="feedback-criteria">
        {feedback.criteria.map((c) => (
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
