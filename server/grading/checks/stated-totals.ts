import { statedFigures, type StatedFigure } from "./figures.js";
import { readNumberWords } from "./number-words.js";

/**
 * Totals a text states beside their parts (session 16, `template6`): a figure that two or more figures of the same
 * kind, stated right before it or right after it in the same sentence, add up to. "Input 960M tokens ($960) and
 * output 120M tokens ($480): $1,440 a month" and "USD 1,440 (USD 960 input, USD 480 output)" state $1,440 as their
 * result however they punctuate it, and relate their figures by a sum, as a worked estimate does. Why: an outside
 * audit's right estimate ("$960 ... $480 ... $1,440 to be exact") earned nothing because no word before $1,440
 * marked it as a result and its sentence read as figures strung without relations (figure-run.ts), while a wrong
 * total written the same way ("$960 ... $48 ... $1,008") escaped the wrong-result cap.
 */

/** Kinds of figure a total adds up: a count or a percent beside others is no sum of them. */
const SUMMED = new Set<StatedFigure["dim"]>(["money", "time", "tokens", "bytes"]);
/** A sentence's end: a full stop, "!" or "?" before a space and no digit, a semicolon, or a line break. */
const SENTENCE_END = /[.!?](?=\s+\D)|;|\n/g;

const addsUp = (parts: StatedFigure[], total: StatedFigure) => {
  const sum = parts.reduce((a, p) => a + p.value, 0);
  // Within 1%, or the total's rounding up to 5% ("~$1.4k" for $960 + $480; "$2,000" is no total of $1,680).
  return Math.abs(sum - total.value) <= Math.max(0.01 * Math.abs(total.value), Math.min(total.rounding, 0.05 * Math.abs(total.value)));
};
/**
 * Whether something stands between a total and its nearest part besides their periods: a colon, a bracket, a comma,
 * a word ("$960 and $480, $1,440"). "$54 a day $12 a day $66 a day" is figures strung one after another, no sum stated.
 */
const setOff = (sentence: string, first: StatedFigure, second: StatedFigure) =>
  /[^\s$]/.test(sentence.slice(first.at + first.text.length, second.at).replace(PERIOD_WORDS, ""));
const PERIOD_WORDS = /\b(?:a|an|per|each|every)\s+(?:day|week|month|year|hour)\b|\/\s?(?:day|week|month|year|hour|mo|yr)\b/gi;

/** The offsets (in `text` as given, number words already read) of the figures that are totals of their neighbours. */
export function totalsAt(text: string): Set<number> {
  return new Set(totalParts(text).keys());
}

/** Each total's offset and how many parts it adds up. */
function totalParts(text: string): Map<number, number> {
  const out = new Map<number, number>();
  let from = 0;
  for (const end of [...[...text.matchAll(SENTENCE_END)].map((m) => m.index), text.length]) {
    const figures = statedFigures(text.slice(from, end)).filter((f) => SUMMED.has(f.dim) && f.value !== 0);
    const rest = text.slice(from);
    const near = nearestKin(figures);
    for (const [at, total] of figures.entries()) {
      // Parts just before: the nearest two or more of its kind, each step one further back.
      const before: StatedFigure[] = [];
      for (const part of near(at, -1)) {
        before.unshift(part);
        if (before.length >= 2 && setOff(rest, before.at(-1)!, total) && addsUp(before, total)) out.set(from + total.at, before.length);
      }
      // Parts just after: "$1,440 ($960 input + $480 output)".
      const after: StatedFigure[] = [];
      for (const part of near(at, 1)) {
        after.push(part);
        if (after.length >= 2 && setOff(rest, total, after[0]!) && addsUp(after, total)) out.set(from + total.at, after.length);
      }
    }
    from = end;
  }
  return out;
}

/** At most this many parts on either side of a total. */
const MOST_PARTS = 6;

/**
 * A sentence's figures of a figure's kind (of the same dimension, and of its period or none, or any period where it
 * has none; "960M tokens ($960) and 120M tokens ($480)": the dollars) nearest it on one side, nearest first, at most
 * MOST_PARTS. Found from lists of the figures' places made once per sentence: filtering the sentence's figures for
 * each figure made a sentence of thousands of figures quadratic (a 100,000-character answer of "$1.5M" figures
 * took seconds). A figure of no period is of the kind of every figure of its dimension; one of a period, of those of
 * that period or none (periods are a few numbers of days, or "item").
 */
function nearestKin(figures: readonly StatedFigure[]): (at: number, step: -1 | 1) => StatedFigure[] {
  const places = (key: string) => {
    let list = lists.get(key);
    if (!list) lists.set(key, (list = []));
    return list;
  };
  const lists = new Map<string, number[]>();
  for (const [i, f] of figures.entries()) {
    places(`${f.dim}`).push(i);
    places(f.per === null ? `${f.dim} none` : `${f.dim} per ${f.per}`).push(i);
  }
  return (at, step) => {
    const f = figures[at]!;
    const from = f.per === null ? [lists.get(`${f.dim}`)!] : [lists.get(`${f.dim} per ${f.per}`)!, lists.get(`${f.dim} none`) ?? []];
    // Each list's first place beyond `at` in the direction of `step`, then the nearer of the lists' heads, in turn.
    const heads = from.map((list) => {
      const k = firstAfter(list, at);
      return step > 0 ? k : k - 1 - (list[k - 1] === at ? 1 : 0);
    });
    const out: StatedFigure[] = [];
    while (out.length < MOST_PARTS) {
      let best = -1;
      for (let l = 0; l < from.length; l++) {
        const place = from[l]![heads[l]!];
        if (place === undefined) continue;
        if (best < 0 || step * place < step * from[best]![heads[best]!]!) best = l;
      }
      if (best < 0) break;
      out.push(figures[from[best]![heads[best]!]!]!);
      heads[best]! += step;
    }
    return out;
  };
}

/** The index of the first place in a sorted list greater than `at`. */
function firstAfter(list: readonly number[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The relations a sentence's totals state between its figures (figure-run.ts): one per part added up, as "a + b = c"
 * holds one symbol per part.
 */
export function statedTotalRelations(sentence: string): number {
  let n = 0;
  for (const parts of totalParts(readNumberWords(sentence)).values()) n += parts;
  return n;
}
