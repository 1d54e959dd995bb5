import { useMemo } from "react";
import { describeSupports, segmentText, type EvidenceRange } from "./evidence.js";

/**
 * Answer text with the spans the scores rest on marked. Built from React nodes
 * only: the answer is never parsed as HTML.
 */
export function HighlightedText({
  text,
  ranges,
  onFocusEvidence,
}: {
  text: string;
  ranges?: readonly EvidenceRange[] | undefined;
  /** A mark got focus (its description) or lost it (null): keyboard users read the note this way. */
  onFocusEvidence?: (description: string | null) => void;
}) {
  const segments = useMemo(() => segmentText(text, ranges ?? []), [text, ranges]);
  return (
    <>
      {segments.map((seg, i) => {
        if (seg.supports.length === 0) return seg.text;
        const description = describeSupports(seg.supports);
        const criteria = [...new Set(seg.supports.map((s) => s.criterionId))];
        return (
          <mark
            key={i}
            className={criteria.length > 1 ? "evidence-mark evidence-multi" : "evidence-mark"}
            data-testid="evidence-mark"
            data-criteria={criteria.join(" ")}
            title={description}
            // Focusable, so keyboard users can read what the quote supports too (the turn shows it on focus).
            tabIndex={0}
            onFocus={() => onFocusEvidence?.(description)}
            onBlur={() => onFocusEvidence?.(null)}
          >
            {seg.text}
          </mark>
        );
      })}
    </>
  );
}
