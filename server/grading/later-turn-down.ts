import type { Criterion } from "../scenarios/index.js";
import {
  analyseTerm,
  deniesOwnTerm,
  dismissedByScope,
  isNegativeTerm,
  lemmaTermPositions,
  negatedAt,
  retracted,
  termSpan,
  type Analysis,
} from "./language/index.js";
import { hedged, type HedgeContext } from "./hedge.js";
import { clauseAround, saidOfOther, type Roles } from "./roles.js";
import { rejectedOption } from "./rejected-option.js";
import { referredTakenUp, referredTurnDown } from "./referred-turn-down.js";

/**
 * A key point recommended and then turned down: the answer's last word on it is the one that counts. "Retry
 * failed calls with exponential backoff. ... Retries are not needed here." / "Put a circuit breaker in front of
 * the bank API. On reflection there's no need for a circuit breaker." The turn-down is a dismissal or a refusal
 * (dismissal.ts, negation-scope.ts: "isn't needed", "no need for", "skip"), an option argued against
 * (rejected-option.ts), or a word referring back to it ("... so skip it"; referred-turn-down.ts); a plain "not"
 * is left to contradiction.ts, which reads it only of a described point said of the same subject.
 *
 * Kept: a point stated again after the turn-down ("We don't need retries. Actually we do: retry with backoff"),
 * a refusal taken up ("Some teams skip retries, but we don't"), and a turn-down limited to some cases, by a word
 * of condition or exception in its clause ("... unless the call is idempotent", "only", "except") or a scope
 * after the term ("A cache isn't needed for writes", "skip retries on the write path"); "for this service",
 * "for now" and "for us" limit nothing. Repaired text (language/retraction.ts) is neither statement nor turn-down.
 *
 * Bounded: each occurrence of the point's terms is read once, with a clause-sized look around it.
 */
export function turnedDownLater(
  concept: Criterion["evidence"]["concepts"][number],
  a: Analysis,
  claims: ReadonlySet<number>,
  statedAt: number,
  hedge: HedgeContext,
  roles: Roles | null,
): boolean {
  if (deniesOwnTerm(concept.label) || bareWord(concept.label)) return false;
  let lastStated = statedAt;
  let lastTurnedDown = -1;
  for (const term of concept.terms) {
    if (isNegativeTerm(term)) continue;
    for (const i of positionsOf(a, term)) {
      if (retracted(a, i)) continue;
      const s = a.tokens[i]!.sentence;
      // Named, then turned down by a word referring back to it: the refusal's sentence is the later position.
      const by = referredTurnDown(a, i);
      if (by >= 0) {
        lastTurnedDown = Math.max(lastTurnedDown, a.sentences[by]?.from ?? i, i);
        continue;
      }
      if (!claims.has(s) || (roles && saidOfOther(roles, a, i, term))) continue;
      const [start, end] = termSpan(a, i, term);
      if (hedged(a, i, start, end, term, hedge)) continue;
      if (referredTakenUp(a, i)) {
        lastStated = Math.max(lastStated, i);
        continue;
      }
      if (dismissedByScope(a, i) || rejectedOption(a, i, concept.label) || negatedImperative(a, i)) {
        if (!limitedTurnDown(a, i)) lastTurnedDown = Math.max(lastTurnedDown, i);
        continue;
      }
      if (!negatedAt(a, i)) lastStated = Math.max(lastStated, i);
    }
  }
  return lastTurnedDown > lastStated;
}

/**
 * A point written as one bare word ("data", "small", "fixed"), as the public sets' mechanically authored packs
 * are: answers there describe what a protocol omits or avoids ("avoids lost data", "omitted in the fixed header"),
 * which reads as a turn-down of the word. Reading them so cost 0.004 r on the SAF tuning split (6 answers, all
 * wrongly); a point a hiring team writes names what to do ("retries with backoff", "circuit breaker").
 */
function bareWord(label: string): boolean {
  return analyseTerm(label).tokens.filter((t) => CONTENT.has(t.pos)).length < 2;
}
const CONTENT = new Set(["NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"]);

/** Words that limit a turn-down to some cases. */
const LIMITS = new Set(["only", "except", "unless", "if", "when", "whenever", "where", "until", "outside", "once"]);
/** Prepositions that open a scope after the term ("for writes", "on the read path"). */
const SCOPES = new Set(["for", "on", "below", "above", "under", "over", "beyond", "during", "at"]);
/** What after a scope preposition names no narrower case: "for now", "for us", "for this service", "at all". */
const NOT_SCOPES = new Set(["now", "us", "me", "our", "my", "you", "your", "this", "that", "it", "here", "all", "such"]);
/** How far after the term a scope is looked for. */
const NEAR = 8;

/** "A cache isn't needed for writes", "skip retries unless ...": the turn-down leaves the other cases standing. */
function limitedTurnDown(a: Analysis, i: number): boolean {
  const [from, to] = clauseAround(a, i);
  // Within a bounded window of the term: a clause can be a whole unpunctuated answer.
  for (let j = Math.max(from, i - 3 * NEAR); j <= Math.min(to, i + 3 * NEAR); j++) if (LIMITS.has(a.tokens[j]!.word)) return true;
  for (let j = i + 1; j <= Math.min(to, i + NEAR); j++) {
    if (!SCOPES.has(a.tokens[j]!.word)) continue;
    const next = a.tokens[j + 1];
    if (next && next.sentence === a.tokens[i]!.sentence && !NOT_SCOPES.has(next.word)) return true;
  }
  return false;
}

/**
 * Where a term occurs: its lemmas in order, and for a one-word stem the author wrote ("retr" for "retry",
 * "retries"), the words it begins, as coverage matches it.
 */
function positionsOf(a: Analysis, term: string): readonly number[] {
  const { positions } = lemmaTermPositions(a, term);
  const stem = term.trim().toLowerCase();
  if (positions.length || stem.length < 3 || !/^[a-z]+$/.test(stem)) return positions;
  const out: number[] = [];
  for (let i = 0; i < a.tokens.length; i++) if (a.tokens[i]!.word.startsWith(stem)) out.push(i);
  return out;
}

/** Words that may open a clause before its verb without ending an imperative's opening ("Actually, don't ..."). */
const OPENERS = new Set(["actually", "so", "but", "and", "then", "please", "just", "also", "really", "honestly", "now"]);

/**
 * The term under a negated imperative that opens its clause: "Actually, don't retry at all.", "Never add a circuit
 * breaker." The speaker tells the reader not to do it: a refusal, where "it does not retry" is a description.
 */
function negatedImperative(a: Analysis, i: number): boolean {
  if (!negatedAt(a, i)) return false;
  const [from] = clauseAround(a, i);
  let j = from;
  while (j < i && OPENERS.has(a.tokens[j]!.word)) j++;
  const t = a.tokens[j];
  if (!t || j >= i) return false;
  const not = a.tokens[j + 1];
  const opens = t.word === "never" || (t.word === "do" && !!not && (not.word === "n't" || not.word === "not"));
  if (!opens) return false;
  // Only the whole of it: nothing after the term but "at all", "here", "again" ("Don't retry at all."). "Don't retry
  // non-idempotent calls without a key" turns down some retries, not the point.
  const [, to] = clauseAround(a, i);
  for (let k = i + 1; k <= to; k++) if (!WHOLE.has(a.tokens[k]!.word) && !sameTerm(a, i, k)) return false;
  return true;
}
/** Words after a refused term that leave it whole. */
const WHOLE = new Set(["at", "all", "here", "again", "anymore", "either", "then", "ever", "now", "though", "there"]);
/** Token `k` continues the term that starts at `i` (a multi-word term: "circuit breaker"). */
const sameTerm = (a: Analysis, i: number, k: number) =>
  k - i < 4 && ["NOUN", "PROPN"].includes(a.tokens[k]!.pos) && a.tokens.slice(i, k).every((t) => ["NOUN", "PROPN", "ADJ"].includes(t.pos));
