import { useEffect, useRef } from "react";
import type { FeedbackNotice } from "../room/room-state.js";

/** good / fair / weak: the border tells the truth about the score (no green at 0/100). */
export const scoreBand = (score: number) => (score >= 70 ? "good" : score >= 40 ? "fair" : "weak");

/**
 * Practice mode: the scores for the question just answered, shown in place of
 * the next question until the candidate moves on, so it is never read as
 * feedback on the question that follows.
 */
const CONTINUE = { question: "Continue to the next question", report: "See the report", wait: "Continue" } as const;

export function FeedbackPanel({
  feedback,
  onContinue,
  next,
}: {
  feedback: FeedbackNotice;
  onContinue: () => void;
  next: keyof typeof CONTINUE;
}) {
  const { event, questionTitle } = feedback;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [event.seq]);
  return (
    <section
      className={`feedback feedback-${scoreBand(event.score)}`}
      data-testid="feedback"
      data-band={scoreBand(event.score)}
      aria-labelledby="feedback-heading"
    >
      <div className="feedback-head">
        <h2 id="feedback-heading" ref={heading} tabIndex={-1}>
          Feedback on “{questionTitle}” <span className="score">{Math.round(event.score)}/100</span>
        </h2>
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
      <button type="button" className="primary" data-testid="feedback-continue" onClick={onContinue}>
        {CONTINUE[next]}
      </button>
    </section>
  );
}
