import { useState } from "react";
import type { ReportQuestion } from "../../../server/contracts/index.js";
import type { EvidenceRange } from "./evidence.js";
import { HighlightedText } from "./HighlightedText.js";
import { Markdown } from "./Markdown.js";

type Turn = ReportQuestion["turns"][number];

const REASON_TAGS: Partial<Record<Turn["reason"], string>> = {
  timeout: "timed out",
  unanswered: "unanswered",
  ended: "interview ended",
};

/** Evidence spans to mark in the answer (the code or text shown first) and in a code answer's explanation. */
export type TurnHighlights = { main?: readonly EvidenceRange[]; explanation?: readonly EvidenceRange[] };

/** One prompt and what the candidate answered, exactly as sent, with the quoted evidence marked. */
export function TranscriptTurn({ turn, highlights }: { turn: Turn; highlights?: TurnHighlights }) {
  const answer = turn.answer;
  const body = answer?.code ?? answer?.text;
  const tag = REASON_TAGS[turn.reason];
  const [focused, setFocused] = useState<string | null>(null);
  return (
    <div className="turn">
      <div className="turn-head">
        <span className={`badge ${turn.kind === "follow-up" ? "badge-follow-up" : ""}`}>{turn.kind}</span>
        {tag && <span className="tag">{tag}</span>}
      </div>
      {turn.note && (
        <p className="muted small turn-note" data-testid="turn-note">
          {turn.note}
        </p>
      )}
      <div className="markdown turn-prompt">
        <Markdown>{turn.prompt}</Markdown>
      </div>
      <div className="turn-answer">
        <div className="muted small">
          Your answer{answer?.code !== undefined && answer.language ? ` (${answer.language})` : ""}
        </div>
        {body !== undefined && body.trim() !== "" ? (
          <pre className={answer?.code !== undefined ? "code" : "prose"}>
            <HighlightedText text={body} ranges={highlights?.main} onFocusEvidence={setFocused} />
          </pre>
        ) : (
          <p className="no-answer">No answer</p>
        )}
        {/* A code answer may come with a written explanation too. */}
        {answer?.code !== undefined && answer.text && (
          <pre className="prose">
            <HighlightedText text={answer.text} ranges={highlights?.explanation} onFocusEvidence={setFocused} />
          </pre>
        )}
        {/* What the focused mark is evidence for (hover shows the same as a tooltip). */}
        <div className="evidence-caption" data-testid="evidence-caption" aria-live="polite">
          {focused}
        </div>
      </div>
    </div>
  );
}
