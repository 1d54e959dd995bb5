import { useMemo } from "react";
import { describeSupports, segmentText, type EvidenceRange } from "./evidence.js";

/**
 * Answer text with the spans the scores rest on marked. Built from React nodes
 * only: the answer is never parsed as HTML.
 */
export function HighlightedText({ text, ranges }: { text: string; ranges?: readonly EvidenceRange[] | undefined }) {
  const segments = useMemo(() => segmentText(text, ranges ?? []), [text, ranges]);
  return (
    <>
      {segments.map((seg, i) => {
        if (seg.supports.length === 0) return seg.text;
        const description = describeSupports(seg.supports);
        return (
          <mark
            key={i}
            className="evidence-mark"
            data-testid="evidence-mark"
            data-criteria={[...new Set(seg.supports.map((s) => s.criterionId))].join(" ")}
            data-tip={description}
            title={description}
            // Focusable, so keyboard users can read what the quote supports (shown by CSS on focus).
            tabIndex={0}
          >
            {seg.text}
          </mark>
        );
      })}
    </>
  );
}
