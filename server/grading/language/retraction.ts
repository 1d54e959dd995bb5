import { analyse, type Analysis } from "./analyse.js";
import { CLAUSE_PUNCT, gapBefore as gap } from "./clause.js";
import { NEGATORS } from "./negators.js";

/**
 * Self-repair: a statement the candidate takes back in the next breath is not stated. "Cost is $3,000 a day.
 * Wait, that's per hour, so it's $72,000 a day." and "We should cache per user. Actually no, cache globally."
 * replace the first claim with the second; the first earns nothing, and the second is read as any claim.
 *
 * A repair is a discourse marker opening a sentence or a clause (after punctuation, or after another
 * discourse word: "Hmm, actually no"), a closed class read word by word:
 * - an interjection set off by punctuation: "No, ...", "Wait, ...", "— no wait, ..." (a determiner "no"
 *   and the verb "wait" are followed by their phrase, not by a comma: "no retries", "wait for the bank");
 * - "actually" only with "no" or "wait" after it: a bare "Actually, the bigger risk is X" adds emphasis;
 * - a retraction formula: "scratch that", "strike that", "correction:", "on second thought", "I take that
 *   back", "I was wrong", "I misspoke", "my mistake", "that's wrong";
 * - a repair of one phrase inside a sentence: "cache per user, or rather globally", "a 30 s timeout, I mean
 *   3 s". A sentence opening with "I mean" clarifies ("I mean the p95, not the mean") and a clause after "I
 *   mean" that denies something ("..., I mean the p95, not the mean") restates; neither takes anything back.
 *   "Rather than X" and a sentence-opening "Rather," set a contrast (negation-scope.ts reads "rather than").
 *
 * What a repair takes back: at a sentence's opening, the sentence before it (past sentences that are only a
 * marker: "Wait. ..."); a question is no claim, so "Do we need it? No, ..." takes nothing back. Inside a
 * sentence, the clause before the marker (to the previous clause punctuation), or for a phrase repair ("or
 * rather", "I mean") the phrase before it (to the previous comma).
 *
 * Linear: each token is looked at a bounded number of times.
 */
export function retracted(a: Analysis, index: number): boolean {
  return marksOf(a)[index] ?? false;
}

/** The character ranges [start, end) of the text a repair takes back. */
function retractedSpans(a: Analysis): [number, number][] {
  const marks = marksOf(a);
  const spans: [number, number][] = [];
  for (let i = 0; i < marks.length; i++) {
    if (!marks[i]) continue;
    const t = a.tokens[i]!;
    const end = t.at + t.word.length;
    const last = spans[spans.length - 1];
    if (last && marks[i - 1]) last[1] = end;
    else spans.push([t.at, end]);
  }
  return spans;
}

const cache = new WeakMap<Analysis, boolean[]>();
function marksOf(a: Analysis): boolean[] {
  let marks = cache.get(a);
  if (!marks) cache.set(a, (marks = markRepairs(a)));
  return marks;
}

/** Words that may stand before a marker at a clause's opening without ending the opening ("Hmm, actually no"). */
const DISCOURSE = new Set(["actually", "oh", "hmm", "um", "uh", "er", "well", "ok", "okay", "sorry", "oops", "ah"]);
/** Punctuation that sets an interjection off from what follows. */
const SET_OFF = /[,—–.;:!…]|\.\.\.|\s-\s/;
/** Verbs of a "scratch that" formula. */
const STRIKE = new Set(["scratch", "strike", "disregard"]);
/** What follows "wait" as an interjection without punctuation ("wait no", "wait actually", "wait that's per hour"). */
const AFTER_WAIT = new Set(["no", "actually", "that", "that's", "sorry", "i", "it", "hmm", "oh"]);
/** "that's wrong", "that was incorrect". */
const WRONG = new Set(["wrong", "incorrect", "mistaken"]);

/** How far back a repair inside a sentence reaches, in tokens: a bound on the scan. */
const MAX_REACH = 60;

type Repair = { kind: "sentence" | "phrase"; at: number };

function markRepairs(a: Analysis): boolean[] {
  const marks: boolean[] = new Array(a.tokens.length).fill(false);
  for (let k = 0; k < a.sentences.length; k++) {
    const s = a.sentences[k]!;
    for (let i = s.from; i < s.to; i++) {
      const repair = repairAt(a, i, s.from, s.to);
      if (!repair) continue;
      const opening = onlyDiscourse(a, s.from, repair.at);
      if (opening) {
        const target = previousClaim(a, k);
        if (target >= 0) for (const j of repairedParts(a, a.sentences[target]!, repair.at, s.to)) marks[j] = true;
      } else {
        // Inside the sentence: back to the previous clause punctuation (a phrase repair: to the previous comma).
        const stop = repair.kind === "phrase" ? /[,;:!?()[\]—–"“”]|\s-\s/ : CLAUSE_PUNCT;
        let from = repair.at - 1;
        while (from > s.from && from > repair.at - MAX_REACH && !stop.test(gap(a, from))) from--;
        // A question repaired is no claim taken back.
        if (from >= s.from && !/\?/.test(gap(a, repair.at)))
          for (let j = from; j < repair.at; j++) if (!DISCOURSE.has(a.tokens[j]!.word)) marks[j] = true;
      }
      // One repair per clause opening: skip the marker's own words.
      i = repair.at;
    }
  }
  return marks;
}

/** Parts of speech that carry what a part of a sentence is about; verbs too general to tell two parts apart. */
const CONTENT = new Set(["NOUN", "PROPN", "VERB", "ADJ", "NUM"]);
const LIGHT = new Set(["be", "have", "do", "make", "get", "use", "go", "take", "give", "should", "would", "could", "can", "will"]);

/**
 * The tokens of the sentence before a repair that it takes back: of a sentence made of several parts (split at
 * commas, clause punctuation and conjunctions: "Set a timeout on every call and put a circuit breaker in front"),
 * the parts that share a content word with the repair ("On second thought, skip the circuit breaker"); if none
 * does ("Wait, that's per hour"), the whole sentence.
 */
function repairedParts(a: Analysis, target: { from: number; to: number }, at: number, to: number): number[] {
  const said = new Set<string>();
  for (let j = at; j < to; j++) if (CONTENT.has(a.tokens[j]!.pos) && !LIGHT.has(a.tokens[j]!.lemma)) said.add(a.tokens[j]!.lemma);
  const parts: number[][] = [[]];
  for (let j = target.from; j < target.to; j++) {
    const t = a.tokens[j]!;
    if (j > target.from && (/[,;:()—–]|\s-\s/.test(gap(a, j)) || t.pos === "CCONJ" || t.pos === "SCONJ")) parts.push([]);
    parts[parts.length - 1]!.push(j);
  }
  const shared = parts.filter((p) =>
    p.some((j) => said.has(a.tokens[j]!.lemma) && CONTENT.has(a.tokens[j]!.pos) && !LIGHT.has(a.tokens[j]!.lemma)),
  );
  const all = parts.flat();
  return shared.length && shared.length < parts.length ? shared.flat() : all;
}

/**
 * Whether the tokens from `from` (a sentence's first token) up to `to` are only discourse words (the marker opens
 * its sentence). Read once per sentence: where its first other word is.
 */
function onlyDiscourse(a: Analysis, from: number, to: number): boolean {
  let firsts = firstContent.get(a);
  if (!firsts) firstContent.set(a, (firsts = new Map()));
  let first = firsts.get(from);
  if (first === undefined) {
    const end = a.sentences[a.tokens[from]!.sentence]!.to;
    first = from;
    while (first < end && (DISCOURSE.has(a.tokens[first]!.word) || interjection(a, first))) first++;
    firsts.set(from, first);
  }
  return first >= to;
}
const firstContent = new WeakMap<Analysis, Map<number, number>>();

/** The sentence a repair opening sentence `k` takes back: the one before it, past marker-only sentences; -1 for none or a question. */
function previousClaim(a: Analysis, k: number): number {
  for (let p = k - 1; p >= 0 && p >= k - 3; p--) {
    const s = a.sentences[p]!;
    if (onlyDiscourse(a, s.from, s.to)) continue;
    return /\?\s*$/.test(s.text) ? -1 : p;
  }
  return -1;
}

/** An interjection "no" ("No, cache globally", "— no wait, ..."): it answers or repairs, it negates nothing after it. */
export function interjectedNo(a: Analysis, i: number): boolean {
  const w = a.tokens[i]!.word;
  return (w === "no" || w === "no." || w === "nope") && interjection(a, i);
}

/** An interjection "no" / "wait": set off by punctuation, or followed by another marker word. */
function interjection(a: Analysis, i: number): boolean {
  const t = a.tokens[i]!;
  // "No." is read as one token (the abbreviation of "number").
  const word = t.word === "no." ? "no" : t.word;
  if (word !== "no" && word !== "wait" && word !== "nope") return false;
  const next = a.tokens[i + 1];
  const endOfSentence = !next || next.sentence !== t.sentence;
  if (word === "wait") {
    if (endOfSentence) return /^\s*(?:!|…|\.\.\.)/.test(a.text.slice(t.at + t.word.length, t.at + t.word.length + 4));
    // Inside a sentence "wait" may be a step ("retry, wait, retry again"): an interjection only before another marker word.
    // ("hold and wait, no preemption": a "no" after it must be an interjection itself.)
    if (AFTER_WAIT.has(next.word) && (next.word !== "no" || interjection(a, i + 1))) return true;
    return (i === 0 || a.tokens[i - 1]!.sentence !== t.sentence) && SET_OFF.test(gap(a, i + 1));
  }
  if (endOfSentence || t.word === "no.") return true;
  // "Yes: ... No: ...": a case label, not a repair.
  if (gap(a, i + 1).includes(":")) return false;
  return SET_OFF.test(gap(a, i + 1)) || next.word === "wait";
}

/** Where a clause opening at or after `i` makes a repair, and what kind; null if none opens at `i`. */
function repairAt(a: Analysis, i: number, from: number, to: number): Repair | null {
  const t = a.tokens[i]!;
  const opens = i === from || CLAUSE_PUNCT.test(gap(a, i)) || gap(a, i).includes(",") || DISCOURSE.has(a.tokens[i - 1]!.word);
  const w = (k: number) => (i + k < to ? a.tokens[i + k]!.word : "");
  // "X, or rather Y" / "X or rather Y": a phrase repaired, opening or not.
  if (t.word === "or" && w(1) === "rather" && w(2) !== "than") return i > from ? { kind: "phrase", at: i } : null;
  if (!opens) return null;
  // "X, I mean Y": a phrase repaired, unless the repair denies something ("I mean the p95, not the mean").
  if (t.word === "i" && w(1) === "mean" && i > from && !onlyDiscourse(a, from, i)) {
    for (let j = i + 2; j < to && !CLAUSE_PUNCT.test(gap(a, j)); j++) if (NEGATORS.has(a.tokens[j]!.word)) return null;
    return { kind: "phrase", at: i };
  }
  if (t.word === "actually" && (w(1) === "no" || w(1) === "wait")) return { kind: "sentence", at: i };
  if (interjection(a, i)) return { kind: "sentence", at: i };
  if (STRIKE.has(t.word) && (w(1) === "that" || w(1) === "this") && endsFormula(a, i + 1, to)) return { kind: "sentence", at: i };
  if (t.word === "correction" && (i + 1 >= to || SET_OFF.test(gap(a, i + 1)))) return { kind: "sentence", at: i };
  if (t.word === "on" && (w(1) === "second" || w(1) === "further") && (w(2) === "thought" || w(2) === "thoughts"))
    return { kind: "sentence", at: i };
  // "I take that back", "I was wrong", "I misspoke", "I stand corrected".
  if (t.word === "i") {
    if (w(1) === "take" && (w(2) === "that" || w(2) === "it") && w(3) === "back") return { kind: "sentence", at: i };
    if ((w(1) === "was" && WRONG.has(w(2))) || w(1) === "misspoke" || (w(1) === "stand" && w(2) === "corrected"))
      return { kind: "sentence", at: i };
  }
  if (t.word === "my" && (w(1) === "mistake" || w(1) === "bad") && endsFormula(a, i + 1, to)) return { kind: "sentence", at: i };
  // "That's wrong", "that was incorrect", "that's not right": opening its sentence only (a verdict on the claim before).
  if ((t.word === "that" || t.word === "this") && onlyDiscourse(a, from, i)) {
    let j = i + 1;
    if (a.tokens[j]?.lemma === "be" && a.tokens[j]!.sentence === t.sentence) j++;
    if (j === i + 1) return null;
    const neg = NEGATORS.has(w(j - i));
    const head = w(j - i + (neg ? 1 : 0));
    if ((!neg && WRONG.has(head)) || (neg && (head === "right" || head === "correct"))) return { kind: "sentence", at: i };
  }
  return null;
}

/** A formula's last word `i` ends its clause ("scratch that." / "scratch that, ..."), rather than starting a phrase ("scratch that idea" still counts). */
function endsFormula(a: Analysis, i: number, to: number): boolean {
  if (i + 1 >= to) return true;
  if (SET_OFF.test(gap(a, i + 1))) return true;
  const next = a.tokens[i + 1]!;
  return next.word === "idea" || next.word === "last" || next.word === "one";
}

/**
 * `text` (the same length as `source`, e.g. `source` with other parts blanked) with what a repair in `source`
 * takes back blanked with spaces: words taken back earn no likeness to a reference either.
 */
export function withoutRetracted(source: string, text: string = source): string {
  const spans = retractedSpans(analyse(source));
  if (!spans.length || text.length !== source.length) return text;
  const chars = text.split("");
  for (const [start, end] of spans) for (let k = start; k < end; k++) if (chars[k] !== "\n") chars[k] = " ";
  return chars.join("");
}
