import type { Analysis } from "./language/index.js";
import { clauseSubject } from "./clause-subject.js";
import { clauseSpans } from "./clause-spans.js";

/**
 * What a value word in a clause is said of (value-opposites.ts): the noun it modifies, the subject of the verb
 * before it, or the nouns of its clause. Narrower than clause-subject.ts, which gives a clause's main subject:
 * a value is said of the nearest one ("a zero voltage means that THE TERMINALS have the same state"; "multiple
 * FRAMES in a single TRANSMISSION").
 *
 * Bounded, so that an answer with no punctuation (one clause of thousands of tokens) is read in linear time:
 * the subject is looked for in the WINDOW tokens before the value, and a pronoun is followed back only in a
 * clause of at most LONG tokens.
 */
const WINDOW = 12;
const LONG = 80;

/** The noun an attributive word modifies: the last noun of the run of modifiers and nouns right after it ("SAME electrical state"). */
export function headNoun(a: Analysis, index: number): string | null {
  let head: string | null = null;
  for (let j = index + 1; j < a.tokens.length && j <= index + 4; j++) {
    const t = a.tokens[j]!;
    if (t.sentence !== a.tokens[index]!.sentence || /[,;:.()]/.test(gap(a, j))) break;
    if (NOUNS.has(t.pos)) head = t.lemma;
    else if (t.pos === "ADJ" && head === null) continue;
    else break;
  }
  return head;
}

function gap(a: Analysis, j: number): string {
  const prev = a.tokens[j - 1];
  return prev ? a.text.slice(prev.at + prev.word.length, a.tokens[j]!.at) : "";
}

const NOUNS = new Set(["NOUN", "PROPN"]);

/** The nouns of the clause around a token, as lemmas (each clause's nouns read once). */
export function clauseNouns(a: Analysis, index: number, exclude: ReadonlySet<string>): string[] {
  const spans = clauseSpans(a);
  const from = spans.start[index]!;
  let byStart = nounCache.get(a);
  if (!byStart) nounCache.set(a, (byStart = new Map()));
  let nouns = byStart.get(from);
  if (!nouns) {
    nouns = [];
    for (let j = from; j <= spans.end[index]!; j++) {
      const t = a.tokens[j]!;
      if (NOUNS.has(t.pos)) nouns.push({ lemma: t.lemma, word: t.word });
    }
    byStart.set(from, nouns);
  }
  return nouns.filter((n) => !exclude.has(n.lemma) && !exclude.has(n.word)).map((n) => n.lemma);
}
const nounCache = new WeakMap<Analysis, Map<number, { lemma: string; word: string }[]>>();

const THIRD_PERSON = new Set(["it", "they", "this", "that", "these", "those", "he", "she"]);
const VERBS = new Set(["VERB", "AUX"]);

/** The start of the stretch read before a token: its clause's start, or WINDOW tokens back. */
function windowStart(a: Analysis, index: number): number {
  return Math.max(clauseSpans(a).start[index]!, index - WINDOW);
}

/** A clause short enough to follow a pronoun or a participle back from. */
function shortClause(a: Analysis, index: number): boolean {
  const spans = clauseSpans(a);
  return spans.end[index]! - spans.start[index]! <= LONG;
}

/**
 * What a value at a token is said of: the nouns before the verb group nearest before it, back to the start of
 * its clause or a subordinator ("a zero voltage means that THE TERMINALS have the same state"); a third-person
 * pronoun there speaks of what clause-subject.ts finds it stands for; in a stretch with no verb (a note, or a
 * verb the tagger read as a noun) the nouns before the value. Empty for an order ("send the emails
 * synchronously") or a speaker's plan ("we send them synchronously"), which say it of their objects.
 */
export function subjectOf(a: Analysis, index: number, exclude: ReadonlySet<string>): string[] {
  const from = windowStart(a, index);
  let verb = index - 1;
  while (verb >= from && !VERBS.has(a.tokens[verb]!.pos)) verb--;
  if (verb < from) return nounsIn(a, from, index - 1, exclude);
  while (verb - 1 >= from && VERBS.has(a.tokens[verb - 1]!.pos)) verb--;
  // A participle opening a clause after another ("..., giving each terminal a different state") speaks of that one's subject.
  const opens = verb === clauseSpans(a).start[index];
  if (opens && verb > 0 && a.tokens[verb]!.word.endsWith("ing") && a.tokens[verb - 1]!.sentence === a.tokens[verb]!.sentence)
    return shortClause(a, verb - 1) ? clauseSubject(a, verb - 1, exclude) : [];
  let start = verb - 1;
  while (start >= from && !VERBS.has(a.tokens[start]!.pos) && a.tokens[start]!.pos !== "SCONJ") start--;
  const nouns = nounsIn(a, start + 1, verb - 1, exclude);
  if (nouns.length) return nouns;
  for (let j = start + 1; j < verb; j++)
    if (a.tokens[j]!.pos === "PRON" && THIRD_PERSON.has(a.tokens[j]!.word)) return shortClause(a, j) ? clauseSubject(a, j, exclude) : [];
  return [];
}

function nounsIn(a: Analysis, from: number, to: number, exclude: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let j = from; j <= to; j++) {
    const t = a.tokens[j]!;
    if (NOUNS.has(t.pos) && !exclude.has(t.lemma) && !exclude.has(t.word)) out.push(t.lemma);
  }
  return out;
}

/** Whether the value's subject is a third-person pronoun (a speaker's "we" or "I" tells a plan, as an order does). */
export function pronounSubject(a: Analysis, index: number): boolean {
  const from = windowStart(a, index);
  let verb = index - 1;
  while (verb >= from && !VERBS.has(a.tokens[verb]!.pos)) verb--;
  for (let j = verb - 1; j >= from && a.tokens[j]!.pos !== "SCONJ"; j--) {
    const t = a.tokens[j]!;
    if (t.pos === "PRON" && THIRD_PERSON.has(t.word)) return true;
    if (VERBS.has(t.pos) && !VERBS.has(a.tokens[j + 1]!.pos)) return false;
  }
  return false;
}
