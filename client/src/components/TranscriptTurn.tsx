import { useState } from "react";
import type { ReportQuestion } from "../../../server/contracts/index.js";
import { AnswerMarkdown, fencedCode } from "../report/AnswerMarkdown.js";
import { turnLabel } from "../report/words.js";
import { Markdown } from "./Markdown.js";

type Turn = ReportQuestion["turns"][number];
type Criterion = ReportQuestion["criteria"][number];

const REASON_TAGS: Partial<Record<Turn["reason"], string>> = {
  timeout: "time ran out",
  unanswered: "not answered",
  ended: "interview ended",
};

/**
 * One prompt and the candidate's answer, rendered as they wrote it (Markdown,
 * highlighted code) with the quotes the scores rest on marked. A follow-up sits
 * indented under the answer it followed up; the main question's full text folds
 * away, since the candidate has read it before.
 */
export function TranscriptTurn({ turn, criteria }: { turn: Turn; criteria: readonly Criterion[] }) {
  const answer = turn.answer;
  const tag = REASON_TAGS[turn.reason];
  const [focused, setFocused] = useState<string | null>(null);
  const followUp = turn.kind === "follow-up";
  const hasCode = Boolean(answer?.code?.trim());
  const hasText = Boolean(answer?.text?.trim());
  return (
    <li className={followUp ? "turn turn-follow-up" : "turn"} data-kind={turn.kind}>
      <div className="turn-head">
        <span className={`badge ${followUp ? "badge-follow-up" : ""}`}>
          {followUp ? "Follow-up on your answer above" : turnLabel(turn.kind)}
        </span>
        {tag && <span className="tag">{tag}</span>}
      </div>
      {turn.note && (
        <p className="muted small turn-note" data-testid="turn-note">
          {turn.note}
        </p>
      )}
      {followUp ? (
        <div className="markdown turn-prompt">
          <Markdown quotesCandidate>{turn.prompt}</Markdown>
        </div>
      ) : (
        <details className="turn-prompt-fold">
          <summary>Show the question</summary>
          <div className="markdown turn-prompt">
            <Markdown>{turn.prompt}</Markdown>
          </div>
        </details>
      )}
      <div className="turn-answer">
        <div className="muted small">Your answer{hasCode && answer?.language ? ` (${answer.language})` : ""}</div>
        {hasCode && (
          <AnswerMarkdown source={fencedCode(answer!.code!, answer!.language ?? "")} criteria={criteria} onFocusEvidence={setFocused} />
        )}
        {hasText && <AnswerMarkdown source={answer!.text!} criteria={criteria} onFocusEvidence={setFocused} />}
        {!hasCode && !hasText && <p className="no-answer">No answer</p>}
        {/* What the focused mark is evidence for (hover shows the same as a tooltip). */}
        <div className="evidence-caption" data-testid="evidence-caption" aria-live="polite">
          {focused}
        </div>
      </div>
    </li>
  );
}
