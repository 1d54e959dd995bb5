import { statedFigures, type StatedFigure } from "./figures.js";

/**
 * Arithmetic stated in words between the figures of one sentence: "1,840 ms, 540 ms over the 1,200 ms budget"
 * (a difference), "exceeds the target by 540 ms", "about 53% more than the 1,200 ms target" (a relative
 * difference), "1.5x the target" / "1.5 times the budget" (a ratio). The derived figure is a claim like the result
 * of an equation (arithmetic.ts): a right total next to a wrong overrun has the working wrong.
 *
 * Read from the words around the derived figure only, no world knowledge:
 * - the figure compared with (B) is the one of the same kind right after the relation word ("over the 1,200 ms
 *   budget"); where none is written ("540 ms over budget"), any figure of that kind the answer or the question
 *   states may be it, and the claim is wrong only if none makes it right;
 * - the figure compared (A) is one of the same kind before the derived one in its sentence (any of them may be it);
 * - a claim is right within the rounding of the derived figure and of the compared one ("~1.8 s, 0.6 s over"), or 3%;
 *   the figure compared with is a target or budget, taken as exact.
 * A sentence with no A is no claim: "we are 540 ms over the budget" alone states nothing to check.
 */
export type StatedDifference = { text: string; stated: number; computed: number; correct: boolean };

/** Words that say the derived figure is an excess or a shortfall of A over B. */
const OVER = /^\s*(?:over|above|more than|beyond|past|too (?:slow|high|much|many|expensive)|in excess of)\b/i;
const UNDER = /^\s*(?:under|below|less than|short of|within|inside|too (?:low|little|few))\b/i;
/** "exceeds the 1,200 ms target by 540 ms", "misses it by", "beats it by". */
const BY_BEFORE =
  /\b(?:exceed(?:s|ing|ed)?|overshoot(?:s|ing)?|miss(?:es|ing|ed)?|beat(?:s|ing)?|overrun(?:s|ning)?|blow(?:s|ing)? (?:through|past))\b[^.;:!?]{0,60}\bby\s*$/i;
/** "1.5x the target", "1.5 times the budget", "1.5 times as much as". */
const TIMES = /^\s*(?:x|×|times)\s/i;
/** Words allowed between a relation word and the figure it compares with: "over the 1,200 ms", "over our target of 1,200 ms". */
const REFERENCE_GAP =
  /^(?:\s*(?:the|a|an|our|your|their|its|this|that|target|budget|goal|limit|sla|slo|cap|ceiling|threshold|of|agreed|stated|required|product's|product)\b)*\s*[~≈]?\s*$/i;

/** A span of time right after a relation word: "30 days", "a month", "the next 12 months", "24 hours". */
const PERIOD_SPAN =
  /^\s*(?:the|a|an|one|each|every|next|following|first|last|past|whole|entire|full|typical|same)?\s*(?:(?:next|following|first|last|past|whole|entire|full|typical)\s+)?(?:[\d,.]+\s*-?\s*)?(?:(days?|weeks?|months?|quarters?|years?|yr|mo)|(hours?|hrs?|minutes?|mins?|seconds?|secs?))\b/i;
/** Whether the text after a relation word names a span of time: a calendar period always, hours or less only after a figure that is no time. */
function spanAfter(rest: string, derived: StatedFigure): boolean {
  const m = PERIOD_SPAN.exec(rest);
  return !!m && (!!m[1] || derived.dim !== "time");
}

/** How many figures on either side of a derived one may be what it compares. */
const NEAREST = 6;

const sentences = (text: string) => {
  const out: { from: number; to: number }[] = [];
  let from = 0;
  for (const m of text.matchAll(/[.;!?](?=\s|$)|\n/g)) {
    out.push({ from, to: m.index + 1 });
    from = m.index + 1;
  }
  if (from < text.length) out.push({ from, to: text.length });
  return out;
};

/** The same kind of figure: dimension, and for counts the thing counted. */
const sameKind = (a: StatedFigure, b: StatedFigure) => a.dim === b.dim && (a.dim !== "count" || a.noun === b.noun);
/** A figure over its period, so "$66 a day" and "$1,980 a month" compare. */
const perDay = (f: StatedFigure) => (typeof f.per === "number" ? f.value / f.per : f.value);
const roundingPerDay = (f: StatedFigure) => (typeof f.per === "number" ? f.rounding / f.per : f.rounding);

/**
 * Every difference, relative difference or ratio the text states between its figures, with whether it is right.
 * `givens` are the question's figures written as text ("1200 ms"), the figures a bare "over budget" may mean.
 */
export function statedDifferences(text: string, givens: StatedFigure[] = []): StatedDifference[] {
  const all = statedFigures(text);
  const out: StatedDifference[] = [];
  let k = 0;
  for (const s of sentences(text)) {
    const figures: StatedFigure[] = [];
    for (; k < all.length && all[k]!.at < s.to; k++) if (all[k]!.at >= s.from) figures.push(all[k]!);
    figures.forEach((d, i) => {
      const end = d.at + d.text.length;
      const after = text.slice(end, Math.min(s.to, end + 80));
      const before = text.slice(Math.max(s.from, d.at - 80), d.at);
      const percent = d.dim === "percent";
      const ratio = d.dim === "count" && TIMES.test(after);
      let sign = 0;
      let relation = "";
      if (OVER.test(after)) [sign, relation] = [1, OVER.exec(after)![0]];
      else if (UNDER.test(after)) [sign, relation] = [-1, UNDER.exec(after)![0]];
      else if (BY_BEFORE.test(before)) sign = /miss|overrun|exceed|overshoot|blow/i.test(before) ? 1 : -1;
      else if (ratio) relation = TIMES.exec(after)![0];
      else return;
      if (!sign && !ratio) return;
      // "$8,640 over 30 days", "$480 over a month", "2 GB within the hour": a span of time the figure is counted
      // over, not a figure it is compared with (session 21: a right monthly cost was reported as a wrong excess).
      if (sign && spanAfter(after.slice(relation.length), d)) return;
      // B: the figure right after the relation word, else (for "by") the one the verb names before it.
      // A ratio names what it multiplies in words ("1.5x the target"): "300 × $10/1M" is a calculation (arithmetic.ts).
      const named = figures.slice(i + 1, i + 1 + NEAREST).find((f) => {
        if (f.at < end + relation.length) return false;
        const between = text.slice(end + relation.length, f.at);
        return REFERENCE_GAP.test(between) && (!ratio || /[a-z]/i.test(between));
      });
      // What a derived figure compares: figures of its own kind; for a ratio any measure; for a percentage any but a count.
      const kinded = (f: StatedFigure) => (ratio ? f.dim !== "count" : percent ? f.dim !== "count" && f !== d : sameKind(f, d));
      const byNamed = BY_BEFORE.test(before) ? [...figures.slice(0, i)].reverse().find(kinded) : undefined;
      // A figure of another kind right after the relation word ("$8,640 over 30 calls") is not what it is compared with.
      if (named && !kinded(named) && named.at - (end + relation.length) < 24) return;
      const reference = named && kinded(named) ? named : byNamed;
      // A: a figure of the kind before the derived one (for "by", before the one the verb names), nearest first.
      const upTo = reference && reference === byNamed ? figures.indexOf(reference) : i;
      const compared = figures
        .slice(Math.max(0, upTo - 4 * NEAREST), upTo)
        .reverse()
        .filter((f) => kinded(f) && f !== reference)
        // The nearest few: a long sentence of figures stays linear.
        .slice(0, NEAREST);
      if (!compared.length) return;
      // A relative difference or a ratio is read against a figure it names only: "2x faster" names none.
      if (!reference && (percent || ratio)) return;
      const pairs = compared.flatMap((a) =>
        (reference
          ? [reference]
          : [...figures.slice(Math.max(0, i - NEAREST), i + NEAREST), ...givens.slice(0, 2 * NEAREST)].filter((b) => b !== a && b !== d)
        )
          .filter((b) => sameKind(a, b) && perDay(b) !== 0)
          .map((b) => [a, b] as const),
      );
      // A budget written without its period ("$1,980 a month, $480 over the $1,500 budget") may be over the compared
      // figure's period as well as read as it stands: either reading.
      const bases = (A: StatedFigure, b: StatedFigure) =>
        typeof b.per !== "number" && typeof A.per === "number" ? [b.value / A.per, perDay(b)] : [perDay(b)];
      const results = pairs.flatMap(([A, b]) => bases(A, b).flatMap((bv) => readingsOf(A, bv)));
      function readingsOf(A: StatedFigure, bv: number) {
        const a = perDay(A);
        const ra = roundingPerDay(A);
        // A percentage between percentages may be points or relative: either reading.
        const readings: { computed: number; stated: number; spread: number; own: number }[] = [];
        if (ratio) readings.push({ computed: a / bv, stated: d.raw, spread: (ra / Math.abs(a)) * Math.abs(a / bv), own: d.rounding });
        else if (percent) {
          readings.push({ computed: (100 * (a - bv)) / bv, stated: sign * d.value, spread: (ra / Math.abs(bv)) * 100, own: d.rounding });
          if (A.dim === "percent") readings.push({ computed: a - bv, stated: sign * d.value, spread: ra, own: d.rounding });
        } else {
          // The difference over the derived figure's period, else the compared one's ("$480 over" a month's $1,980).
          const period = typeof d.per === "number" ? d.per : typeof A.per === "number" ? A.per : 1;
          readings.push({ computed: (a - bv) * period, stated: sign * d.value, spread: ra * period, own: d.rounding });
        }
        return readings.map(({ computed, stated, spread, own }) => {
          const allowed = Math.max(0.03 * Math.abs(computed), Math.min(own, 0.1 * Math.abs(computed)) + spread);
          return { computed, stated, correct: Math.abs(computed - stated) <= allowed };
        });
      }
      if (!results.length) return;
      const best = results.find((r) => r.correct) ?? results[0]!;
      out.push({ text: text.slice(compared[0]!.at, Math.min(s.to, end + relation.length + 40)).trim(), ...best });
    });
  }
  return out;
}
