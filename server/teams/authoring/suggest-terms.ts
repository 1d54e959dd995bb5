import { SuggestTermsBodySchema, type SuggestTermsBody, type TermSuggestions } from "../../contracts/index.js";
import { findTerm, termFinder } from "../../grading/match.js";

const MAX_TERMS = 8;
const STOPWORDS = new Set(
  "a about after again all also an and any are as at be because been before being but by can could did do does doing each for from had has have having he her here him his how i if in into is it its just me more most my no not now of off on once only or other our out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who why will with would you your i'm it's we'd don't didn't".split(
    " ",
  ),
);

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
 * The order phrases are offered in when their counts tie was `localeCompare`'s. Phrases are made of a-z, 0-9, "'",
 * "-" and one space, and over those characters Unicode's root collation is code-unit order with "-" before "'":
 * comparing keys with the two swapped gives that order without ICU (sorting 17,000 phrases with the collator took
 * 130-190 ms of the event loop at load 25). A unit test holds the two orders equal.
 */
export const collationKey = (phrase: string) => phrase.replace(/['-]/g, (c) => (c === "-" ? "'" : "-"));
const wordCount = (term: string) => (term.includes(" ") ? 2 : 1);

/**
 * Evidence terms to consider for each criterion, offline: phrases found in the
 * exemplars that score high on the criterion and in none that score low (the
 * strong vs weak exemplars when per-criterion scores do not separate them).
 * Suggestions only; the author decides what goes in the pack.
 *
 * It answers on the event loop, so its work is kept near linear in the text (finding F1 of session 18: the
 * phrase-by-phrase search of every low exemplar, redone per criterion, held the server for 108 s on a 396 kB
 * body): each exemplar's phrases are read once and ordered once, whether a phrase is said in a low exemplar is
 * looked up in an index of its word starts (`termFinder`) once per exemplar and phrase, and phrases are checked
 * in the order they are offered, stopping once enough are chosen.
 */
export function suggestEvidenceTerms(body: SuggestTermsBody): TermSuggestions {
  const input = SuggestTermsBodySchema.parse(body);
  const exemplars = input.exemplars.map((e) => {
    const said = new Map<string, boolean>();
    let find: ((term: string) => boolean) | null = null;
    const saidHere = (term: string) => {
      let yes = said.get(term);
      if (yes === undefined) said.set(term, (yes = (find ??= termFinder(e.answer.toLowerCase()))(term)));
      return yes;
    };
    return { ...e, grams: ngrams(e.answer), saidHere };
  });
  // Every phrase in the order it is offered in but for its count: two-word phrases (more specific) first, then
  // alphabetical. Sorted once; each criterion then only buckets it by count.
  const phrases = new Set<string>();
  for (const e of exemplars) for (const g of e.grams) phrases.add(g);
  const ordered = [...phrases]
    .map((term) => ({ term, words: wordCount(term), key: collationKey(term) }))
    .sort((a, b) => b.words - a.words || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((p) => p.term);
  return {
    criteria: input.criteria.map((criterion) => {
      const scored = exemplars.filter((e) => e.scores[criterion.id] !== undefined);
      let high = scored.filter((e) => e.scores[criterion.id]! >= 3);
      let low = scored.filter((e) => e.scores[criterion.id]! <= 1);
      if (high.length === 0 || low.length === 0) {
        high = exemplars.filter((e) => e.level === "strong");
        low = exemplars.filter((e) => e.level === "weak");
      }
      if (high.length === 0 || low.length === 0) {
        return {
          criterionId: criterion.id,
          terms: [],
          note: "needs at least one strong (or 3+) and one weak (or 0-1) exemplar to compare",
        };
      }
      // Phrases found in more high exemplars first, each count's phrases in the order above.
      const counts = new Map<string, number>();
      for (const e of high) for (const g of e.grams) counts.set(g, (counts.get(g) ?? 0) + 1);
      const byCount: string[][] = Array.from({ length: high.length + 1 }, () => []);
      for (const term of ordered) byCount[counts.get(term) ?? 0]!.push(term);
      const existing = criterion.terms.map((t) => t.toLowerCase());
      const chosen: TermSuggestions["criteria"][number]["terms"] = [];
      for (let strong = high.length; strong > 0 && chosen.length < MAX_TERMS; strong--)
        for (const term of byCount[strong]!) {
          if (chosen.length >= MAX_TERMS) break;
          if (low.some((e) => e.saidHere(term))) continue;
          if (existing.some((x) => findTerm(term, x) >= 0 || findTerm(x, term) >= 0)) continue;
          // A word already inside a chosen phrase adds little.
          if (chosen.some((c) => c.term.split(" ").includes(term))) continue;
          chosen.push({ term, strong, weak: 0 });
        }
      return { criterionId: criterion.id, terms: chosen, note: null };
    }),
  };
}
