import type { Criterion, Question } from "../scenarios/index.js";
import { analyse, deniesOwnTerm, isNegativeTerm, isNegator, negatedAt, negatedByScope, type Analysis } from "./language/index.js";
import type { Token } from "./language/analyse.js";
import { perCriterion } from "./per-criterion.js";
import { oppositeWords, valueForms } from "./language/opposite-words.js";
import { clauseSpans } from "./clause-spans.js";
import { poleOf } from "./poles.js";
import { clauseNouns, headNoun, pronounSubject, subjectOf } from "./value-subject.js";

/**
 * A key point's value said the other way: "HNSW is an exact index" where the point says approximate, "send the
 * emails synchronously" where it says asynchronously, "the terminals are in the same state" where the reference
 * says different states. The answer names the point's subject, so its terms match, and asserts the opposite
 * value of it: the point is not stated, and the answer says its opposite.
 *
 * A point's value words are the adjectives and adverbs of its label and terms that have an opposite
 * (language/opposite-words.ts: WordNet antonyms, privative forms). What each value is said of is learnt from
 * the references (the label, the criterion's description, the strong exemplars) as poles.ts learns it: the
 * subjects of the clauses that affirm it, and the nouns of those clauses (an order, "send the emails
 * asynchronously", names no subject); and what the references say the opposite of ("exact search is too slow").
 *
 * An opposite counts only where it is asserted of that same thing:
 * - affirmed (not denied, not in a refused or contrasted list: "not exact", "instead of synchronous calls");
 * - in a claim, and not in a condition ("if the queue is empty, ...") nor after "unlike";
 * - said in the predicate: an opposite inside the subject names another kind of thing ("exact kNN is too slow",
 *   "synchronous sending blocks the page") and says nothing of the point's subject;
 * - of a subject the references say the value of (a noun shared), not of one they say the opposite of;
 * - in a sentence that does not affirm the value too: "unlike exact search, HNSW is approximate", "not exact but
 *   approximate", "synchronous or asynchronous" contrast the two ends.
 * Words of the pole scales (poles.ts: higher/lower, faster/slower, exact/approximate ...) are read there, as a
 * condition paired with an outcome ("a smaller batch is less stable" is no opposite), not here.
 */
export type ValueWord = {
  /** The value's spellings (adjective and adverb). */
  forms: ReadonlySet<string>;
  opposites: ReadonlySet<string>;
  /** The subjects of the clauses that affirm it. */
  subjects: ReadonlySet<string>;
  /** The nouns it modifies ("STATELESS servers"): an attributive opposite speaks of the same thing only if it modifies one of these. */
  heads: ReadonlySet<string>;
  /** The nouns of an order's clause that affirms it ("send the emails asynchronously"), where no subject is named. */
  nouns: ReadonlySet<string>;
  /** What the references say the opposite of. */
  others: ReadonlySet<string>;
};
/** Per key point label, its value words as learnt from the pack. */
export type Values = Map<string, ValueWord[]>;

export const valuesOf = perCriterion(learnValues);

export function learnValues(question: Question, criterion: Criterion): Values {
  const strong = question.exemplars.filter((e) => e.level === "strong").map((e) => e.answer);
  const values: Values = new Map();
  for (const concept of criterion.evidence.concepts) {
    // A point that denies its own words ("no closed path", "avoids recomputation") is said by their absence,
    // and the negation rules read it (contradiction.ts).
    if (deniesOwnTerm(concept.label) || concept.terms.some(isNegativeTerm)) continue;
    const words = valueWordsOf([concept.label, ...concept.terms]);
    if (!words.length) continue;
    const references = [concept.label, criterion.description, ...strong].map(analyse);
    const learnt: ValueWord[] = [];
    for (const word of words) {
      const forms = new Set(valueForms(word));
      const opposites = oppositeWords(word);
      const subjects = new Set<string>();
      const heads = new Set<string>();
      const nouns = new Set<string>();
      const others = new Set<string>();
      const exclude = new Set([...forms, ...opposites]);
      for (const a of references) {
        for (const i of affirmedAt(a, forms)) {
          const subject = subjectOf(a, i, exclude);
          for (const n of subject) subjects.add(n);
          const head = headNoun(a, i);
          if (head) heads.add(head);
          // An order ("send the emails asynchronously") or a manner ("the worker sends them asynchronously") is said
          // of the action and what it acts on.
          else if (!subject.length || a.tokens[i]!.pos === "ADV") for (const n of clauseNouns(a, i, exclude)) nouns.add(n);
        }
        for (const i of affirmedAt(a, opposites)) {
          for (const n of subjectOf(a, i, exclude)) others.add(n);
          const head = headNoun(a, i);
          if (head) others.add(head);
        }
      }
      // A thing the references give both values ("multiple frames in one single transmission ... single frames")
      // is told apart by neither.
      for (const n of [...others]) {
        if (!subjects.has(n) && !heads.has(n) && !nouns.has(n)) continue;
        for (const set of [subjects, heads, nouns, others]) set.delete(n);
      }
      if (subjects.size || heads.size || nouns.size) learnt.push({ forms, opposites, subjects, heads, nouns, others });
    }
    if (learnt.length) values.set(concept.label, learnt);
  }
  return values;
}

/** Adjectives, adverbs and participles of the point's own words that have an opposite, pole words left to poles.ts. */
function valueWordsOf(texts: string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    const a = analyse(text);
    a.tokens.forEach((t, i) => {
      if (!valueToken(t) || poleOf(t) || negatedAt(a, i, 3, { head: true })) return;
      if (oppositeWords(t.word).size) out.add(t.word);
    });
  }
  return [...out];
}

/**
 * A word that can carry a value: an adjective, an adverb made from one ("synchronously"; not "still" or "first",
 * whose adjective senses are other words), or a participle ("scoped", "blocking"). A noun ("seconds") or a verb
 * ("the queue is emptied") is no value.
 */
function valueToken(t: Token): boolean {
  if (t.pos === "ADJ") return true;
  if (t.pos === "ADV") return t.word.endsWith("ly");
  return t.pos === "VERB" && /(?:ed|ing)$/.test(t.word);
}

/** Where any of the words stands affirmed, as a value word spelt that way. */
function affirmedAt(a: Analysis, words: ReadonlySet<string>): number[] {
  const index = wordIndex(a);
  const out: number[] = [];
  for (const w of words)
    for (const i of index.get(w) ?? []) {
      const t = a.tokens[i]!;
      if (valueToken(t) && !negatedAt(a, i, 3, { head: true }) && !negatedByScope(a, i)) out.push(i);
    }
  return out.sort((x, y) => x - y);
}

/** Each word's tokens, read once per answer. */
function wordIndex(a: Analysis): Map<string, number[]> {
  let index = indexes.get(a);
  if (!index) {
    index = new Map();
    a.tokens.forEach((t, i) => {
      const at = index!.get(t.word);
      if (at) at.push(i);
      else index!.set(t.word, [i]);
    });
    indexes.set(a, index);
  }
  return index;
}
const indexes = new WeakMap<Analysis, Map<string, number[]>>();

/** Words that open a condition or a supposition: what follows is not asserted. */
const CONDITIONS = new Set(["if", "unless", "whether", "when", "whenever", "once", "until", "suppose", "supposing", "assuming"]);

/**
 * The key points whose value an answer asserts the other way round, with the tokens where it does. Read once
 * per answer, criterion and learnt values.
 */
export function valueOpposites(a: Analysis, claims: ReadonlySet<number>, values: Values): Map<string, number[]> {
  let byValues = readings.get(a);
  if (!byValues) readings.set(a, (byValues = new WeakMap()));
  let found = byValues.get(values);
  if (!found) byValues.set(values, (found = read(a, claims, values)));
  return found;
}
const readings = new WeakMap<Analysis, WeakMap<Values, Map<string, number[]>>>();

function read(a: Analysis, claims: ReadonlySet<number>, values: Values): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [label, words] of values) {
    const at: number[] = [];
    for (const word of words) {
      const affirmed = new Set(affirmedAt(a, word.forms).map((i) => a.tokens[i]!.sentence));
      for (const i of affirmedAt(a, word.opposites)) {
        const sentence = a.tokens[i]!.sentence;
        if (!claims.has(sentence) || affirmed.has(sentence)) continue;
        if (asserted(a, i) && ofTheSameThing(a, i, word)) at.push(i);
      }
    }
    if (at.length) out.set(label, at);
  }
  return out;
}

/** Said in the predicate of a clause that is no condition and no "unlike" phrase. */
function asserted(a: Analysis, index: number): boolean {
  const spans = clauseSpans(a);
  const from = spans.start[index]!;
  if (a.tokens[from - 1]?.word === "unlike") return false;
  const sentence = a.tokens[index]!.sentence;
  const clause = clauseFacts(a, from, spans.end[index]!);
  // A condition in its clause ("if it is empty", "the states are different when there is a gap") or opening the
  // sentence ("If p0 is 0.5, the system is empty half the time": its consequence is supposed with it); a negation
  // before it in its clause ("it is not contained in a closed path" denies the whole predicate).
  if (clause.condition || CONDITIONS.has(a.tokens[a.sentences[sentence]!.from]!.word)) return false;
  for (let j = Math.max(from, index - NEGATION_REACH); j < index; j++) if (isNegator(a.tokens[j]!)) return false;
  // In the subject (before the clause's first verb), it names a kind of thing rather than saying what the thing is.
  const verb = clause.verbs.find((j) => j !== index || a.tokens[j]!.pos === "AUX") ?? -1;
  return verb < 0 ? !sentenceVerbs(a)[sentence] : verb < index;
}
/** How far back a negation of the clause is looked for ("is not even contained in a closed path"). */
const NEGATION_REACH = 12;

/** A clause's first two verbs and whether it holds a condition, read once per clause. */
function clauseFacts(a: Analysis, from: number, to: number): { verbs: number[]; condition: boolean } {
  let byStart = facts.get(a);
  if (!byStart) facts.set(a, (byStart = new Map()));
  let found = byStart.get(from);
  if (!found) {
    found = { verbs: [], condition: false };
    for (let j = from; j <= to; j++) {
      const t = a.tokens[j]!;
      if (CONDITIONS.has(t.word)) found.condition = true;
      if ((t.pos === "AUX" || t.pos === "VERB") && found.verbs.length < 2) found.verbs.push(j);
    }
    byStart.set(from, found);
  }
  return found;
}
const facts = new WeakMap<Analysis, Map<number, { verbs: number[]; condition: boolean }>>();

/** Per sentence, whether it has a verb. */
function sentenceVerbs(a: Analysis): boolean[] {
  let out = verbsBySentence.get(a);
  if (!out) {
    out = a.sentences.map(() => false);
    for (const t of a.tokens) if (t.pos === "VERB" || t.pos === "AUX") out[t.sentence] = true;
    verbsBySentence.set(a, out);
  }
  return out;
}
const verbsBySentence = new WeakMap<Analysis, boolean[]>();

/**
 * The opposite speaks of what the references say the value of. Said of a noun ("a SYNCHRONOUS call", "the SAME
 * path"), that noun is one the value modifies or is said of, and the clause's subject, if named, is one of
 * theirs; said as a predicate ("the call is synchronous"), the clause's subject is, or where it names none
 * (an order), one of its nouns; said as a manner ("send them synchronously"), one of its clause's nouns. Never
 * of a thing the references say the opposite of, nor of a pronoun with nothing named before it ("It finds
 * multiple paths" says nothing against "there is a single path").
 */
function ofTheSameThing(a: Analysis, index: number, word: ValueWord): boolean {
  const exclude = new Set([...word.forms, ...word.opposites]);
  const has = (sets: ReadonlySet<string>[], n: string) => sets.some((s) => s.has(n));
  const own = (n: string) => has([word.subjects, word.heads, word.nouns], n);
  // A manner speaks of the action and what it acts on, whoever does it ("the handler sends each email synchronously").
  if (a.tokens[index]!.pos === "ADV") return clauseNouns(a, index, exclude).some(own);
  const subject = subjectOf(a, index, exclude);
  // "It identifies multiple paths" with nothing named before it: of something, but of what is not known.
  if (!subject.length && pronounSubject(a, index)) return false;
  if (subject.some((n) => word.others.has(n)) && !subject.some((n) => word.subjects.has(n))) return false;
  const head = headNoun(a, index);
  if (head) {
    // The nouns it modifies in the references; only where they never put it before a noun, what they say it of.
    if (!has([word.heads.size ? word.heads : word.subjects], head)) return false;
    return !subject.length || subject.some((n) => has([word.subjects, word.heads], n));
  }
  if (subject.length) return subject.some(own);
  return clauseNouns(a, index, exclude).some(own);
}
