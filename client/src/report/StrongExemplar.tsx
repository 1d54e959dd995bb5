import type { RoundKind } from "../../../server/contracts/index.js";
import { AnswerMarkdown, fencedCode } from "./AnswerMarkdown.js";

const NO_CRITERIA = [] as const;

/**
 * The pack's strong answer to a question, shown beside the candidate's own once
 * the session is over (only when the pack allows it: `report.showExemplars`).
 * Coding exemplars are code; the rest are written answers in Markdown.
 */
export function StrongExemplar({ exemplar, kind }: { exemplar: string; kind: RoundKind }) {
  return (
    <aside className="strong-exemplar" data-testid="exemplar" aria-label="A strong answer, for comparison">
      <h4>A strong answer, for comparison</h4>
      <p className="muted small">Written by the pack's authors; yours need not match it word for word.</p>
      <AnswerMarkdown source={kind === "coding" ? fencedCode(exemplar, "") : exemplar} criteria={NO_CRITERIA} />
    </aside>
  );
}
