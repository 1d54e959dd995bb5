import type { Criterion } from "../scenarios/index.js";
import { saidOfOther, type Roles } from "./roles.js";
import {
  analyse,
  claimSentences,
  isNegator,
  lemmaTermPositions,
  negatedAt,
  termSpan,
  type Analysis,
  type ClaimOptions,
} from "./language/index.js";
import { hedged, type HedgeContext } from "./hedge.js";

/**
 * The labels of a criterion's concepts that the answer states the opposite of,
 * in a sentence that makes a claim: "a leaf is a node with children" against
 * the key point "no children", "the bulb is not connected" against
 * "connected". A wrong answer shares most of its words with the right one, so
 * its similarity to the reference must not earn it credit; the report names
 * the contradicted point.
 * Only a clear opposite counts: a negative point ("no children") is
 * contradicted where its words appear with no negation anywhere near, and a
 * positive one only where a negation governs the term itself ("is not
 * connected"), never where it governs another word of the clause ("there is
 * no gap between the battery and ..." does not deny "battery"). Concepts the
 * answer also states are not listed (an answer may contrast two cases). On a
 * question contrasting two things (see roles.ts), a point affirmed of the other
 * one is turned around too ("A stack is FIFO"). Terms
 * are matched as lemmas, so a stem-prefix term ("retr") is never contradicted.
 */
export function contradictedConcepts(
  criterion: Criterion,
  prose: string,
  stated: ReadonlySet<string>,
  options: {
    isTerm?: (word: string) => boolean;
    roles?: Roles | null;
    otherTerms?: readonly string[];
    factual?: boolean;
  } & ClaimOptions = {},
): string[] {
  if (!prose.trim()) return [];
  const candidates = criterion.evidence.concepts.filter((c) => !stated.has(c.label));
  if (!candidates.length) return [];
  const a = analyse(prose);
  const claims = claimSentences(a, options.isTerm, { story: options.story ?? false, listAnswers: options.listAnswers ?? false });
  const roles = options.roles ?? null;
  const hedge: HedgeContext = {
    criterion,
    otherTerms: options.otherTerms ?? [],
    roles,
    factual: options.factual ?? options.listAnswers ?? false,
  };
  return candidates.filter((c) => c.terms.some((term) => saysOpposite(a, term, claims, roles, hedge))).map((c) => c.label);
}

/** Any negation before the word in its sentence: a negative point is contradicted only by a plainly positive sentence. */
function negatedEarlier(a: Analysis, index: number): boolean {
  const sentence = a.tokens[index]!.sentence;
  for (let i = index - 1; i >= 0 && a.tokens[i]!.sentence === sentence; i--) if (isNegator(a.tokens[i]!)) return true;
  return negatedAt(a, index);
}

function saysOpposite(a: Analysis, term: string, claims: ReadonlySet<number>, roles: Roles | null, hedge: HedgeContext): boolean {
  const { positions, negative } = lemmaTermPositions(a, term);
  return positions.some((i) => {
    if (!claims.has(a.tokens[i]!.sentence)) return false;
    // One side of a fork ("connected or not connected") states neither side (hedge.ts).
    const [start, end] = termSpan(a, i, term);
    if (hedged(a, i, start, end, term, hedge)) return false;
    // Said of the other thing a contrast question names, a point is turned around when it is affirmed
    // ("A stack is FIFO": the queue's), and agrees when it is denied ("Processes do not share memory").
    if (roles && saidOfOther(roles, a, i, term)) return !negative && !negatedAt(a, i, 3, { head: true });
    return negative ? !negatedEarlier(a, i) : negatedAt(a, i, 3, { head: true });
  });
}
