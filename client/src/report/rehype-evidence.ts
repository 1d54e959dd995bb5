import type { Element, ElementContent, Root, Text } from "hast";
import type { ReportQuestion } from "../../../server/contracts/index.js";
import { describeSupports, evidenceRanges, segmentText } from "../components/evidence.js";

type Criterion = ReportQuestion["criteria"][number];

/** Markdown syntax a grader may have quoted from the source ("**Result:**") but that is not in the rendered text. */
const MARKUP = /[*_`#>]+/g;

/** Each quote as given and, when it differs, with Markdown syntax taken out (get_order keeps its underscore where it was literal). */
function withoutMarkup(criteria: readonly Criterion[]): Criterion[] {
  return criteria.map((c) => ({
    ...c,
    evidence: c.evidence.flatMap((e) => {
      const plain = e.quote.replace(MARKUP, " ").replace(/\s+/g, " ").trim();
      return plain === e.quote ? [e] : [e, { ...e, quote: plain }];
    }),
  }));
}

/** Text nodes in document order with their parents, so each can be replaced in place. */
function textNodes(node: Root | Element, out: { node: Text; parent: Root | Element }[] = []) {
  for (const child of node.children) {
    if (child.type === "text") out.push({ node: child, parent: node });
    else if (child.type === "element") textNodes(child, out);
  }
  return out;
}

/**
 * A rehype plugin: marks the rendered answer where the evidence quotes occur.
 * Quotes are found in the concatenated rendered text (so a quote may cross
 * bold text or syntax-highlighted code tokens), then each text node is split
 * into plain runs and <mark> runs. Works on the tree only: the answer is never
 * parsed as HTML.
 */
export function rehypeEvidence(options: { criteria: readonly Criterion[] }) {
  return (tree: Root) => {
    const nodes = textNodes(tree);
    const flat = nodes.map((n) => n.node.value).join("");
    const ranges = evidenceRanges([flat], withoutMarkup(options.criteria))[0] ?? [];
    if (ranges.length === 0) return;
    const segments = segmentText(flat, ranges);
    // Segment boundaries as absolute offsets.
    let at = 0;
    const spans = segments.map((s) => {
      const span = { start: at, end: at + s.text.length, supports: s.supports };
      at = span.end;
      return span;
    });
    let offset = 0;
    for (const { node, parent } of nodes) {
      const start = offset;
      const end = offset + node.value.length;
      offset = end;
      const pieces: ElementContent[] = [];
      for (const span of spans) {
        const from = Math.max(span.start, start);
        const to = Math.min(span.end, end);
        if (from >= to) continue;
        const value = node.value.slice(from - start, to - start);
        if (span.supports.length === 0) {
          pieces.push({ type: "text", value });
          continue;
        }
        const criteria = [...new Set(span.supports.map((s) => s.criterionId))];
        pieces.push({
          type: "element",
          tagName: "mark",
          properties: {
            className: criteria.length > 1 ? ["evidence-mark", "evidence-multi"] : ["evidence-mark"],
            dataTestid: "evidence-mark",
            dataCriteria: criteria.join(" "),
            title: describeSupports(span.supports),
            tabIndex: 0,
          },
          children: [{ type: "text", value }],
        });
      }
      if (pieces.length === 1 && pieces[0]!.type === "text") continue;
      const index = parent.children.indexOf(node);
      parent.children.splice(index, 1, ...(pieces as Root["children"]));
    }
  };
}
