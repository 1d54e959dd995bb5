import { SuggestTermsBodySchema, type SuggestTermsBody, type TermSuggestions } from "../../contracts/index.js";
import { findTerm } from "../../grading/match.js";

const MAX_TERMS = 8;
const STOPWORDS = new Set(
  "a about after again all also an and any are as at be because been before being but by can could did do does doing each for from had has have having he her here him his how i if in into is it its just me more most my no not now of off on once only or other our out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who why will with would you your i'm it's we'd don't didn't".split(
    " ",
  ),
);

type Ngram = { term: string };

/** Words (4+ letters, not stop words) and two-word phrases that start and end on a content word. */
function ngrams(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9][a-z0-9'-]*/g) ?? [];
  const content = (w: string) => !STOPWORDS.has(w) && w.length >= 3 && !/^\d+$/.test(w);
  const grams = new Set<string>();
  words.forEach((w, i) => {
    if (content(w) && w.length >= 4) grams.add(w);
    const next = words[i + 1];
    if (next && content(w) && content(next)) grams.add(`${w} ${next}`);
  });
  return grams;
}

/**
 * Evidence terms to consider for each criterion, offline: phrases found in the
 * exemplars that score high on the criterion and in none that score low (the
 * strong vs weak exemplars when per-criterion scores do not separate them).
 * Suggestions only; the author decides what goes in the pack.
 */
export function suggestEvidenceTerms(body: SuggestTermsBody): TermSuggestions {
  const input = SuggestTermsBodySchema.parse(body);
  return {
    criteria: input.criteria.map((criterion) => {
      const scored = input.exemplars.filter((e) => e.scores[criterion.id] !== undefined);
      let high = scored.filter((e) => e.scores[criterion.id]! >= 3);
      let low = scored.filter((e) => e.scores[criterion.id]! <= 1);
      if (high.length === 0 || low.length === 0) {
        high = input.exemplars.filter((e) => e.level === "strong");
        low = input.exemplars.filter((e) => e.level === "weak");
      }
      if (high.length === 0 || low.length === 0) {
        return {
          criterionId: criterion.id,
          terms: [],
          note: "needs at least one strong (or 3+) and one weak (or 0-1) exemplar to compare",
        };
      }
      const lowTexts = low.map((e) => e.answer.toLowerCase());
      const counts = new Map<string, number>();
      for (const e of high) for (const g of ngrams(e.answer)) counts.set(g, (counts.get(g) ?? 0) + 1);
      const existing = criterion.terms.map((t) => t.toLowerCase());
      const terms = [...counts.entries()]
        .map(([term, strong]): Ngram & { strong: number; weak: number } => ({
          term,
          strong,
          weak: lowTexts.filter((t) => findTerm(t, term) >= 0).length,
        }))
        .filter((t) => t.weak === 0 && !existing.some((x) => findTerm(t.term, x) >= 0 || findTerm(x, t.term) >= 0))
        // Phrases found in more high exemplars first; two-word phrases are more specific, so they win ties.
        .sort((a, b) => b.strong - a.strong || b.term.split(" ").length - a.term.split(" ").length || a.term.localeCompare(b.term));
      // A word already inside a chosen phrase adds little.
      const chosen: typeof terms = [];
      for (const t of terms) {
        if (chosen.length >= MAX_TERMS) break;
        if (chosen.some((c) => c.term.split(" ").includes(t.term))) continue;
        chosen.push(t);
      }
      return { criterionId: criterion.id, terms: chosen, note: null };
    }),
  };
}
