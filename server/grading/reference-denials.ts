import type { Criterion, Question } from "../scenarios/index.js";
import { analyse, analyseTerm, claimSentences, claimOptionsFor, questionTerms, type Analysis } from "./language/index.js";
import { ABSENCE, LIMITERS, NEGATORS } from "./language/negators.js";
import { clauseAround } from "./clause-spans.js";

/**
 * Denials the pack already writes, stated the other way round (session 20, `wrong10`). Most team packs write no
 * misconceptions down (misconceptions.ts), yet their strong answers and criteria say what is NOT so: "streaming does
 * not make the model generate any faster", "a timeout does not mean the refund failed", "the vectors are not
 * comparable". An answer that states the same words without the negation ("streaming makes the model generate
 * faster") states the opposite of the reference, however fluent it is; an outside audit scored such answers 40.8
 * against a human 15.0, because their words are the reference's words.
 *
 * A denial is read from a reference sentence (an exemplar the pack scores 3 or 4 on the criterion, or the
 * criterion's description): a negator, the content words after it in its clause (what is denied) and before it
 * (what it is denied of), at least two in all. An answer's claim sentence states its opposite when it holds every
 * denied word and at least two of the denial's words in all (three where the denial has five or more), and no
 * negation word governs them: none from the start of the clause of the first matched word to the last one, and the
 * sentence does not call what it says a mistake or myth. Matching is by lemma, within one sentence; each denial is
 * checked with one pass over a lemma index of the answer, so the reading is linear in the answer.
 */
export type DeniedClaim = { quote: string; sentence: number; denial: Denial };

type Denial = { denied: string[]; subject: string[] };

/** Words too common to say what a claim is about. */
const LIGHT = new Set([
  "be",
  "have",
  "do",
  "will",
  "would",
  "can",
  "could",
  "should",
  "may",
  "might",
  "must",
  "get",
  "any",
  "just",
  "only",
  "also",
  "even",
  "still",
  "about",
  "so",
  "then",
  "there",
  "here",
  "thing",
  "way",
  "much",
  "more",
  "very",
  "really",
  "it",
  "this",
  "that",
  "these",
  "those",
  "what",
  "which",
  "who",
  "one",
  "all",
  "each",
  "every",
  "some",
  "same",
  "need",
  "use",
  "make",
  "take",
  "mean",
  "go",
  "say",
  "well",
  "too",
  "yet",
  "again",
  "instead",
  "rather",
  "either",
]);
const CONTENT_POS = new Set(["NOUN", "VERB", "ADJ", "ADV", "PROPN"]);
/** In an answer, anything that turns a claim down: "instead of free text", "rather than", "unlike" as well. */
const NEGATION_WORDS = new Set([...NEGATORS, ...ABSENCE, "no", "instead", "rather", "unlike"]);
const VERB_NEGATORS = new Set([...NEGATORS]);
export const REFUTED =
  /\b(?:mistake|mistaken|myth|misconception|wrong(?:ly)?|false|fallacy|pitfall|trap|tempting|naive|anti-?pattern|bad idea|some (?:teams|people)|people (?:think|assume|believe)|not (?:true|the case))\b/i;
/** The most content words taken after a negator: a denial is one predicate, not the rest of a long clause. */
const MAX_DENIED = 6;

const isNegation = (a: Analysis, k: number) => NEGATION_WORDS.has(a.tokens[k]!.word) || a.tokens[k]!.lemma === "not";
export const contentLemma = (a: Analysis, k: number) => {
  const t = a.tokens[k]!;
  return CONTENT_POS.has(t.pos) && t.lemma.length >= 3 && /^[a-z][a-z-]*$/.test(t.lemma) && !LIGHT.has(t.lemma) && !isNegation(a, k);
};

/** The reference texts of a criterion: its description and the exemplars the pack scores 3 or 4 on it. */
function referenceTexts(question: Question, criterion: Criterion): string[] {
  const good = question.exemplars.filter((e) => (e.scores[criterion.id] ?? (e.level === "strong" ? 4 : 0)) >= 3).map((e) => e.answer);
  return [criterion.description, ...good].filter((t): t is string => !!t && t.trim().length > 0);
}

const cache = new WeakMap<Criterion, Denial[]>();

/** Every denial in the criterion's references, read once per criterion. */
export function referenceDenials(question: Question, criterion: Criterion): Denial[] {
  let out = cache.get(criterion);
  if (!out) cache.set(criterion, (out = referenceTexts(question, criterion).flatMap(denialsIn)));
  return out;
}

function denialsIn(text: string): Denial[] {
  const a = analyseTerm(text);
  const out: Denial[] = [];
  for (let n = 0; n < a.tokens.length; n++) {
    // A verb's negation denies a claim; "no X", "without X" name a case ("the cost without the batch discount").
    if (!VERB_NEGATORS.has(a.tokens[n]!.lemma)) continue;
    const next = a.tokens[n + 1];
    // "not only X but Y", "not just": a limit, not a denial.
    if (next && LIMITERS.has(next.word)) continue;
    const [from, to] = clauseAround(a, n);
    const denied: string[] = [];
    for (let k = n + 1; k <= to && denied.length < MAX_DENIED; k++) if (contentLemma(a, k)) denied.push(a.tokens[k]!.lemma);
    if (!denied.length) continue;
    // What it is denied of, in the same clause; a bare "not a cascade" after "route up front with a classifier," is
    // the "X, not Y" of a choice, not a claim, and too short to tell apart from an answer that names Y to reject it.
    const subject: string[] = [];
    for (let k = from; k < n; k++) if (contentLemma(a, k)) subject.push(a.tokens[k]!.lemma);
    const all = new Set([...denied, ...subject]);
    if (all.size < 2) continue;
    out.push({ denied: [...new Set(denied)], subject: [...new Set(subject)].filter((l) => !denied.includes(l)) });
  }
  return out;
}

/** The answer's claim sentences that state a reference denial without its negation, each sentence once. */
export function deniedClaimsStated(criterion: Criterion, question: Question, prose: string, barred: ReadonlySet<number>): DeniedClaim[] {
  // Only where the question asks what something is or does: in a diagnosis the references deny things of the broken
  // system ("the prompt never says when to give up"), which an answer's fix rightly states (honest rows moved).
  if (question.kind !== "system-design" || question.coding) return [];
  const denials = referenceDenials(question, criterion);
  if (!denials.length || !prose.trim()) return [];
  const a = analyse(prose);
  const claims = claimSentences(a, questionTerms(question), claimOptionsFor(question));
  const out: DeniedClaim[] = [];
  for (const i of [...claims].sort((x, y) => x - y)) {
    if (barred.has(i)) continue;
    const sentence = a.sentences[i]!;
    if (REFUTED.test(sentence.text)) continue;
    const d = denials.find((x) => statedIn(a, sentence.from, sentence.to, x));
    if (d) out.push({ quote: sentence.text.trim().slice(0, 160), sentence: i, denial: d });
  }
  return out;
}

/**
 * Whether a sentence states the denial's words as one claim: every denied word in one clause, enough of the subject's
 * words within SUBJECT_REACH tokens of the first denied word, and no negation governing them. Each clause is read
 * once, and each clause's neighbourhood a bounded number of tokens, so a sentence of thousands of words is linear.
 */
function statedIn(a: Analysis, from: number, to: number, d: Denial): boolean {
  for (let start = from; start < to;) {
    const end = Math.min(clauseAround(a, start)[1], to - 1);
    const first = new Map<string, number>();
    for (let k = start; k <= end; k++) if (!first.has(a.tokens[k]!.lemma)) first.set(a.tokens[k]!.lemma, k);
    const denied = d.denied.map((l) => first.get(l));
    if (denied.every((k) => k !== undefined)) {
      const head = denied[0]!;
      const subject: number[] = [];
      for (const l of d.subject)
        for (let k = Math.max(from, head - SUBJECT_REACH); k <= Math.min(to - 1, head + SUBJECT_REACH); k++)
          if (a.tokens[k]!.lemma === l) {
            subject.push(k);
            break;
          }
      const enough = denied.length + subject.length >= Math.min(3, d.denied.length + d.subject.length);
      if (enough && !negationGoverns(a, [...(denied as number[]), ...subject])) return true;
    }
    start = end + 1;
  }
  return false;
}
/** How far from the denied words what they are said of may stand: a clause or two, not the whole sentence. */
const SUBJECT_REACH = 10;

/** A negation word from the start of the clause of the first matched word to the last matched word. */
export function negationGoverns(a: Analysis, at: number[]): boolean {
  const first = Math.min(...at);
  const last = Math.max(...at);
  const [from] = clauseAround(a, first);
  for (let k = from; k <= last; k++) if (isNegation(a, k)) return true;
  return false;
}
