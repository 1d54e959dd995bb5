import type { Criterion } from "../scenarios/index.js";
import { findTerm } from "./match.js";
import { quoteAround } from "./quote.js";

export type ConceptHit = { label: string; quote: string };
export type Coverage = { hits: ConceptHit[]; total: number };

/**
 * Which of a criterion's evidence concepts an answer shows, with a quote for
 * each. In prose a negated mention ("we would not evaluate") does not count;
 * in code, `not` is an operator, so negation is not applied.
 */
export function conceptCoverage(criterion: Criterion, answer: string, options: { prose?: boolean } = {}): Coverage {
  const lower = answer.toLowerCase();
  const hits: ConceptHit[] = [];
  for (const concept of criterion.evidence.concepts) {
    for (const term of concept.terms) {
      const at = findTerm(lower, term, { skipNegated: options.prose ?? true });
      if (at >= 0) {
        hits.push({ label: concept.label, quote: quoteAround(answer, at, term.length) });
        break;
      }
    }
  }
  return { hits, total: criterion.evidence.concepts.length };
}

/** 0 when nothing was shown, otherwise the covered fraction on the 0-4 scale (at least 1). */
export function coverageScore({ hits, total }: { hits: unknown[]; total: number }): number {
  if (hits.length === 0 || total === 0) return 0;
  return Math.max(1, Math.round((4 * hits.length) / total));
}
