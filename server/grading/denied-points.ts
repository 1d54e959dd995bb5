import type { Criterion } from "../scenarios/index.js";
import {
  deniesOwnTerm,
  dismissedByScope,
  isNegativeTerm,
  lemmaTermPositions,
  retracted,
  termSpan,
  type Analysis,
} from "./language/index.js";
import { hedged, type HedgeContext } from "./hedge.js";
import { saidOfOther, type Roles } from "./roles.js";
import { rejectedOption } from "./rejected-option.js";
import { referredTakenUp, referredTurnDown } from "./referred-turn-down.js";

/**
 * Where an answer names a key point only to turn it down: denied ("you don't need to measure recall"),
 * dismissed ("A step limit isn't necessary", "Don't bother with a held-out split"; dismissal.ts), in a
 * denied list (negation-scope.ts), named as the drawback of an option argued against
 * (rejected-option.ts), or named and then turned down through a word referring back to it ("Caching is an
 * option; we won't need that"; referred-turn-down.ts). Coverage already gives such a mention no credit; this says where they are, so
 * that similarity does not give it back: the words of a sentence that turns a key point down are the
 * reference's words, said against it (issue #11: "contradictory" answers).
 *
 * `labels`: the points turned down and not stated elsewhere (`stated` lists those stated); `sentences`:
 * every claim sentence that turns a point down, stated elsewhere or not.
 * A negative point's own words ("no children") and a label that already denies its term ("avoids
 * recomputation") are agreed with by a negation, so only positive terms are read; one side of a fork
 * ("X or not X") and a point said of the other thing a contrast names are left to their own readings.
 */
export function deniedPoints(
  criterion: Criterion,
  a: Analysis,
  claims: ReadonlySet<number>,
  stated: readonly string[],
  hedge: HedgeContext,
  roles: Roles | null,
): { labels: string[]; sentences: number[] } {
  const labels: string[] = [];
  const sentences = new Set<number>();
  for (const c of criterion.evidence.concepts) {
    if (deniesOwnTerm(c.label)) continue;
    let denied = false;
    for (const term of c.terms) {
      if (isNegativeTerm(term)) continue;
      for (const i of lemmaTermPositions(a, term).positions) {
        // A turn-down the candidate takes back ("We don't need retries. Scratch that: ...") turns nothing down.
        if (retracted(a, i)) continue;
        const s = a.tokens[i]!.sentence;
        // Named, then turned down by a word referring back to it ("A reranker would help ... so skip it"; "A
        // reranker? Not worth it."): the naming and the refusal, claims or not, say the reference's words against it.
        const by = referredTurnDown(a, i);
        if (by >= 0) {
          sentences.add(s);
          sentences.add(by);
          denied = true;
        }
        if (!claims.has(s)) continue;
        if (roles && saidOfOther(roles, a, i, term)) continue;
        const [start, end] = termSpan(a, i, term);
        if (hedged(a, i, start, end, term, hedge)) continue;
        // "Some teams skip evaluation, but we don't": the refusal is itself turned down.
        if (referredTakenUp(a, i)) continue;
        if (dismissedByScope(a, i) || rejectedOption(a, i, c.label)) {
          sentences.add(s);
          denied = true;
        }
      }
    }
    if (denied && !stated.includes(c.label)) labels.push(c.label);
  }
  return { labels, sentences: [...sentences] };
}
