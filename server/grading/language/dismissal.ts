import type { Analysis } from "./analyse.js";
import { CLAUSE_PUNCT, CLAUSE_WORDS, gapBefore as gap } from "./clause.js";
import { LIMITERS, NEGATORS } from "./negators.js";

/**
 * Dismissal: saying a thing is not wanted is not recommending it. "A step limit isn't necessary",
 * "Memory is not a concern", "a reranker is overkill / a waste of effort", "there's no need for X",
 * "don't bother with X", "we can ditch X" all name X in order to reject it.
 * Not in the lexicon, because they describe as often as they dismiss: "optional" and "can be
 * omitted / ignored" ("the UDP checksum is optional", "extension headers can be omitted" are facts;
 * on the SAF tuning split they changed 5 scores, all wrongly), "redundant", "drop". A small lexicon of dismissive predicates, read with the clause around them:
 * - a predicate that dismisses its subject (the noun phrase before its verb group), see
 *   dismissedSubject;
 * - a word that dismisses the phrase after it, its object, see dismissesObject (negation-scope.ts
 *   gives it the reach of a refusal: the coordinated list that follows, to the end of its clause).
 *
 * What keeps honest sentences whole:
 * - a double negative asserts: "X is not unnecessary";
 * - "not only / just" is no denial ("X is not only useful but necessary");
 * - a stated need is no dismissal ("X is necessary", "memory is the main concern");
 * - an absence that is a condition argues for the thing ("Without a step limit the agent can loop
 *   forever"), see conditionalAbsence.
 */

/** Predicates that dismiss their subject on their own: "X is unnecessary / overkill / a waste of time". */
const DISMISSIVE = new Set([
  "unnecessary",
  "unneeded",
  "needless",
  "pointless",
  "overkill",
  "useless",
  "irrelevant",
  "waste",
  "superfluous",
  "moot",
]);
/**
 * Predicates that dismiss their subject when negated: "X is not necessary / needed / a concern / worth it / the
 * answer". Not the active verbs "need" and "require": "HNSW doesn't need a training step" denies the step, not HNSW.
 */
const NEEDED = new Set([
  "needed",
  "necessary",
  "required",
  "essential",
  "important",
  "worth",
  "concern",
  "issue",
  "problem",
  "priority",
  "answer",
  "solution",
  "must",
  "relevant",
  "needful",
  "worry",
]);
/** Verbs of a risk coming about: "X can't happen / occur / arise". */
const OCCUR = new Set(["happen", "occur", "arise"]);
/** The modals that say it cannot: "can't", "cannot", "won't", "couldn't". */
const MODAL_CAN = new Set(["can", "will", "could", "would", "wo", "ca"]);
/** Words allowed between the copula and its predicate: articles, degree and hedging adverbs. */
const FILLER = new Set([
  "a",
  "an",
  "the",
  "really",
  "strictly",
  "actually",
  "even",
  "that",
  "very",
  "much",
  "of",
  "big",
  "major",
  "real",
  "just",
  "simply",
  "mostly",
  "probably",
  "largely",
  "completely",
  "totally",
  "entirely",
  "usually",
  "generally",
  "always",
  "safely",
  "main",
  "right",
]);

/**
 * The tokens a dismissive predicate at `i` (its copula or first auxiliary) dismisses: the subject noun
 * phrase before it, or nothing. "A step limit isn't necessary" -> "a step limit"; "Schema validation
 * is unnecessary" -> "schema validation"; "Caching is a waste of effort" -> "caching".
 */
export function dismissedSubject(a: Analysis, i: number, sentenceStart: number): number[] {
  if (!dismissivePredicate(a, i)) return [];
  const out: number[] = [];
  for (let j = i - 1; j >= sentenceStart; j--) {
    const b = a.tokens[j]!;
    const between = gap(a, j + 1);
    if (CLAUSE_PUNCT.test(between) || CLAUSE_WORDS.has(b.word) || b.pos === "SCONJ") break;
    // A comma goes on only inside a coordinated subject ("X, Y and Z are unnecessary"), not past an
    // opening phrase ("With retrieval, a reranker is overkill").
    if (between.includes(",") && !out.some((k) => a.tokens[k]!.pos === "CCONJ")) break;
    // A gerund opening the clause is its subject ("Caching is a waste"); so is a word tagged a verb right before the
    // copula, which no finite verb stands at ("Retries are not needed": a plural noun the tagger read as a verb).
    // Any other verb ends it.
    if (b.pos === "VERB" && !(b.word.endsWith("ing") && opensClause(a, j, sentenceStart)) && j !== i - 1) break;
    out.push(j);
  }
  return out;
}

/** Whether the verb group starting at `i` ("is", "isn't", "can be") dismisses its subject. */
function dismissivePredicate(a: Analysis, i: number): boolean {
  const t = a.tokens[i]!;
  if (t.pos !== "AUX" && t.lemma !== "be") return false;
  // The predicate of the first auxiliary only: "X can be skipped" is read at "can", not again at "be".
  if (a.tokens[i - 1]?.pos === "AUX" && a.tokens[i - 1]!.sentence === t.sentence) return false;
  let j = i + 1;
  let negated = false;
  for (; j < Math.min(a.tokens.length, i + 8); j++) {
    const b = a.tokens[j]!;
    if (b.sentence !== t.sentence || CLAUSE_PUNCT.test(gap(a, j))) return false;
    if (NEGATORS.has(b.word) || NEGATORS.has(b.lemma)) {
      // "not only / not just" limits, it does not deny; a second negator cancels the first.
      if (LIMITERS.has(a.tokens[j + 1]?.word ?? "")) return false;
      negated = !negated;
      continue;
    }
    if (b.word === "no" && a.tokens[j + 1]?.word === "longer") {
      negated = !negated;
      j++;
      continue;
    }
    if (b.pos === "AUX" || b.lemma === "be" || b.lemma === "do") continue;
    if (FILLER.has(b.word)) continue;
    break;
  }
  const head = a.tokens[j];
  if (!head || head.sentence !== t.sentence) return false;
  if (DISMISSIVE.has(head.word)) return !negated;
  // "X is nothing to worry about".
  if (!negated && head.word === "nothing" && a.tokens[j + 1]?.word === "to" && a.tokens[j + 2]?.lemma === "worry") return true;
  // "X doesn't matter", "X isn't needed / necessary / a concern / worth it".
  if (negated && (NEEDED.has(head.word) || head.lemma === "matter")) return true;
  // "Prompt injection can't happen with our own articles", "wrong hits cannot occur above 0.9": a risk said not to
  // exist is waved away, and the safeguard against it with it (session 19, wrong but fluent answers).
  if (negated && OCCUR.has(head.lemma) && t.pos === "AUX" && MODAL_CAN.has(t.lemma)) return true;
  return false;
}

/**
 * A word that dismisses the phrase after it: "there's no need for X / to X", "no point in X",
 * "don't bother with X", "we can ditch X", "dispense with X". Refusal verbs ("skip", "omit") and
 * "instead of" are read by negation-scope.ts itself.
 */
export function dismissesObject(a: Analysis, i: number): boolean {
  const t = a.tokens[i]!;
  const next = a.tokens[i + 1];
  if (t.word === "no" && (next?.lemma === "need" || next?.word === "point")) return true;
  if (t.lemma === "ditch" || (t.lemma === "dispense" && next?.word === "with")) return true;
  // "we don't need X", "you won't need X": the speaker (or the reader) declines X. A thing's own needs are not
  // dismissed ("HNSW doesn't need a training step" denies the step, a fact about HNSW).
  if (t.lemma === "need" && t.pos === "VERB" && !LIMITERS.has(next?.word ?? "") && spokenRefusal(a, i)) return true;
  // "don't need to worry about X", "no need to worry about X", "needn't worry about X".
  if (t.lemma === "worry" && next?.word === "about" && (spokenRefusal(a, i) || worryDismissed(a, i))) return true;
  // "don't bother with X", "never bother to X"
  if (t.lemma === "bother") {
    const before = a.tokens[i - 1];
    return !!before && before.sentence === t.sentence && NEGATORS.has(before.lemma);
  }
  return false;
}

/** The speakers a refusal is theirs: "we don't need", "you won't need", "I wouldn't worry". */
const SPEAKER = new Set(["i", "we", "you", "one"]);

/** A negator right before `i` (past auxiliaries and adverbs), and a speaker subject before that, in its sentence. */
function spokenRefusal(a: Analysis, i: number): boolean {
  const s = a.tokens[i]!.sentence;
  let j = i - 1;
  let negated = false;
  for (; j >= 0 && j >= i - 5 && a.tokens[j]!.sentence === s; j--) {
    const b = a.tokens[j]!;
    if (NEGATORS.has(b.word) || NEGATORS.has(b.lemma)) {
      // "not only", a second negator: no refusal.
      if (negated || LIMITERS.has(a.tokens[j + 1]?.word ?? "")) return false;
      negated = true;
      continue;
    }
    if (b.pos === "AUX" || b.pos === "ADV" || b.lemma === "do") continue;
    break;
  }
  return negated && j >= 0 && a.tokens[j]!.sentence === s && SPEAKER.has(a.tokens[j]!.word);
}

/** "no need to worry about X", "needn't worry about X", "nothing to worry about": the worry itself waved away. */
function worryDismissed(a: Analysis, i: number): boolean {
  const s = a.tokens[i]!.sentence;
  for (let j = i - 1; j >= 0 && j >= i - 4 && a.tokens[j]!.sentence === s; j--) {
    const b = a.tokens[j]!;
    if (b.word === "no" || b.word === "needn't" || NEGATORS.has(b.word) || b.word === "nothing") return true;
    if (b.word !== "to" && b.word !== "need" && b.word !== "really" && b.pos !== "AUX") return false;
  }
  return false;
}

/**
 * "Without a step limit the agent can loop forever": an absence opening a clause, followed by a main
 * clause of its own (a subject and its verb), is a condition whose consequence argues for the thing,
 * not a refusal of it. "We ship without a canary" and "without X or Y" inside a predicate stay
 * refusals.
 */
export function conditionalAbsence(a: Analysis, i: number): boolean {
  const t = a.tokens[i]!;
  if (t.word !== "without") return false;
  const prev = a.tokens[i - 1];
  const opens = !prev || prev.sentence !== t.sentence || /[,;:(—–]/.test(gap(a, i)) || prev.pos === "SCONJ" || CLAUSE_WORDS.has(prev.word);
  if (!opens) return false;
  // Its noun phrase, then the main clause's subject (after a comma, a new determiner or a pronoun) and
  // its finite verb: "without X[,] the agent can ...", "without it, you ...".
  let boundary = false;
  for (let k = i + 1; k < Math.min(a.tokens.length, i + 12); k++) {
    const b = a.tokens[k]!;
    if (b.sentence !== t.sentence || /[.;:!?()[\]—–"“”]/.test(gap(a, k))) return false;
    const prevNoun = k > i + 1 && NOUN_END.has(a.tokens[k - 1]!.pos);
    if (k > i + 1 && (gap(a, k).includes(",") || (prevNoun && (b.pos === "DET" || b.pos === "PRON")))) boundary = true;
    const finite = b.pos === "AUX" || (b.pos === "VERB" && b.word !== b.lemma && !b.word.endsWith("ing"));
    if (finite) return boundary && NOUN_END.has(a.tokens[k - 1]!.pos);
    if (!SUBJECT_PHRASE.has(b.pos)) return false;
  }
  return false;
}
/** Words a noun phrase ends with: the "without" phrase before a new subject, and that subject before its verb. */
const NOUN_END = new Set(["NOUN", "PROPN", "NUM", "PRON"]);
const SUBJECT_PHRASE = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"]);

function opensClause(a: Analysis, j: number, sentenceStart: number): boolean {
  return (
    j === sentenceStart || CLAUSE_PUNCT.test(gap(a, j)) || CLAUSE_WORDS.has(a.tokens[j - 1]?.word ?? "") || a.tokens[j - 1]?.pos === "SCONJ"
  );
}
