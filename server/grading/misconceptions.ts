import type { Criterion, Question } from "../scenarios/index.js";
import { analyse, claimSentences, negatedAt, questionTerms, retracted, type Analysis } from "./language/index.js";
import { claimOptionsFor } from "./language/index.js";
import { dismissedByScope } from "./language/negation-scope.js";
import { ABSENCE, NEGATORS } from "./language/negators.js";
import { clauseAround } from "./clause-spans.js";
import { authoredConcept, plainPhrasing, type DomainConcept } from "./language/domain-lexicon/index.js";

/**
 * Known misconceptions (session 19, `wrong9`): wrong claims a hiring team writes down for a criterion, in the pack's
 * pattern language ("raise|increase|higher temperature more|reliable|valid json"). An outside audit scored confident,
 * fluent answers whose claims were wrong 31.4 against a human 11.7: they name the rubric's terms ("eval", "held-out",
 * "temperature") while saying the opposite of the key point, and a term reader credits the terms. An answer that
 * states one of them, as its own claim, is capped at MISCONCEPTION_CAP on that criterion, and the report says which.
 *
 * A misconception named to refute it is not stated: its words negated or dismissed ("raising the temperature will
 * not fix it"), taken back, its sentence calling it wrong ("a common mistake is tuning on the test set"), or, for a
 * misconception phrased without a negation, any negation in its sentence.
 */
export const MISCONCEPTION_CAP = 1;

export type StatedMisconception = { label: string; quote: string; sentence: number };

/** Words that mark a sentence as describing a wrong claim in order to reject it. */
const REFUTED =
  /\b(?:mistake|mistaken|myth|misconception|wrong(?:ly)?|false|fallacy|pitfall|trap|tempting|naive|anti-?pattern|bad idea|temptation|some (?:teams|people)|people (?:think|assume|believe)|it is not true|isn't true)\b/i;

const NEGATION_WORDS = new Set([...NEGATORS, ...ABSENCE, "no"]);

const compiled = new WeakMap<Criterion, { label: string; concept: DomainConcept }[]>();

function misconceptionsOf(criterion: Criterion): { label: string; concept: DomainConcept }[] {
  let known = compiled.get(criterion);
  if (!known) {
    known = (criterion.evidence.misconceptions ?? []).map((m) => ({
      label: m.label,
      concept: authoredConcept(`misconception:${criterion.id}:${m.label}`, [], m.plain),
    }));
    compiled.set(criterion, known);
  }
  return known;
}

/** The criterion's known misconceptions the answer's prose states as claims of its own, each once. */
export function statedMisconceptions(
  criterion: Criterion,
  question: Question,
  prose: string,
  barred: ReadonlySet<number>,
): StatedMisconception[] {
  const known = misconceptionsOf(criterion);
  if (!known.length || !prose.trim()) return [];
  const a = analyse(prose);
  const claims = claimSentences(a, questionTerms(question), claimOptionsFor(question));
  const out: StatedMisconception[] = [];
  for (const { label, concept } of known)
    for (const i of [...claims].sort((x, y) => x - y)) {
      if (barred.has(i)) continue;
      const s = a.sentences[i]!;
      const said = plainPhrasing(concept, a, s.from, s.to);
      if (!said || REFUTED.test(s.text)) continue;
      // A negation in the misconception's own clause, before its last word, turns it down: "a longer-context model
      // would soften this, not remove it" (a blind strong answer), "it is not the case that X". A negation in
      // another clause does not: "X, not Y" states X (a review found any negation word anywhere dodged the cap).
      if (!said.pattern.negative && negatedInClause(a, said.at)) continue;
      if (!said.pattern.negative && refused(a, s.from, said.at)) continue;
      out.push({ label, quote: s.text.trim().slice(0, 160), sentence: i });
      break;
    }
  return out;
}

/** A phrasing's words negated, dismissed or taken back, or the verb it is the object of negated. */
function refused(a: Analysis, from: number, at: number[]): boolean {
  const no = (k: number) => negatedAt(a, k, 2) || dismissedByScope(a, k) || retracted(a, k);
  if (at.some(no)) return true;
  for (let j = at[0]! - 1; j >= Math.max(from, at[0]! - 8); j--) if (a.tokens[j]!.pos === "VERB") return no(j);
  return false;
}

/** A negation word between the start of the clause of the phrasing's first word and its last word. */
function negatedInClause(a: Analysis, at: number[]): boolean {
  const first = Math.min(...at);
  const last = Math.max(...at);
  const [from] = clauseAround(a, first);
  for (let k = from; k <= last; k++) if (NEGATION_WORDS.has(a.tokens[k]!.word) || a.tokens[k]!.word.endsWith("n't")) return true;
  return false;
}
