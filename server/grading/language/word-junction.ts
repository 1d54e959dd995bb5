import { readFileSync } from "node:fs";
import { analyse, type Analysis } from "./analyse.js";
import { FUNCTION_WORDS } from "./function-words.js";

/**
 * Words cut into chunks and put together in another order (session 23, `shuffle13`): outside audit 19 shuffled the
 * auditor's own answers in chunks of four words, and six of them scored above the weak answer. A chunk keeps its
 * inner order, so three steps of four read as English and word-order.ts's mean class order barely moves (6 of 128
 * tuning 4-word chunk shuffles set aside). What a chunk shuffle breaks is the joints: "the p95 latency of | is why
 * we", "answers. | the retriever". Each gap between two words is read here for how likely it is to be such a joint,
 * from the word classes on either side (a function word as itself, any other word as its part of speech), the
 * punctuation in the gap and whether the next word opens with a capital: a logistic model trained by
 * `npm run word-junctions` on fluent English (every pack's exemplars, the SAF and Beetle reference answers) against
 * chunk shuffles of the same texts (chunks of 2-6 words), written to word-junction.tsv beside this file.
 *
 * A text's evidence is a likelihood ratio: "one gap in n is a joint" (n from 2 to 6) against "no gap is", summed over
 * the gaps, each gap's ratio capped, so one odd phrase (a heading, a formula, a non-native turn of phrase) weighs
 * little and only many joints add up. Short texts have few gaps and cannot add up to much: a terse note is left alone.
 */
export const WORD_JUNCTION_FILE = new URL("./word-junction.tsv", import.meta.url);

function classOf(t: { word: string; pos: string }): string {
  return FUNCTION_WORDS.has(t.word) ? t.word : t.pos;
}

/** The first letter's shape: a capital opens a sentence (or a name), which a joint puts anywhere. */
function shapeOf(text: string, at: number): string {
  const c = text.charAt(at);
  return /[A-Z]/.test(c) ? "U" : /[a-z]/.test(c) ? "l" : /\d/.test(c) ? "d" : "o";
}

/** The gap between two words, spaces as "_" and other marks kept (". ", " (", ", "): where a joint shows its edges. */
function gapOf(gap: string): string {
  return gap
    .replace(/\s+/g, "_")
    .replace(/[^_.,;:!?()"'-]/g, "x")
    .slice(0, 4);
}

/**
 * The gaps between words that a chunk shuffle could have made (a space, no line break), each with its features.
 * A line break is a list's or paragraph's edge, never a joint a shuffle of one paragraph makes.
 */
export function junctionFeatures(a: Analysis): string[][] {
  return junctionGaps(a).map((g) => g.features);
}

/** The same gaps, each with the index of the whitespace-separated word it follows (a chunk's joints fall every k words). */
export function junctionGaps(a: Analysis): { features: string[]; word: number }[] {
  const out: { features: string[]; word: number }[] = [];
  const starts: number[] = [];
  for (const m of a.text.matchAll(/\S+/g)) starts.push(m.index);
  let w = 0;
  const t = a.tokens.filter((x) => x.pos !== "SPACE" && x.pos !== "PUNCT");
  for (let i = 1; i < t.length; i++) {
    const prev = t[i - 1]!;
    const cur = t[i]!;
    const gap = a.text.slice(prev.at + prev.word.length, cur.at);
    if (!/\s/.test(gap) || gap.includes("\n")) continue;
    const space = prev.at + prev.word.length + gap.search(/\s/);
    while (w + 1 < starts.length && starts[w + 1]! <= space) w++;
    const g = gapOf(gap);
    const L1 = classOf(prev);
    const L2 = i >= 2 ? classOf(t[i - 2]!) : "^";
    const R1 = classOf(cur);
    const R2 = i + 1 < t.length ? classOf(t[i + 1]!) : "$";
    const s = shapeOf(a.text, cur.at);
    const ps = shapeOf(a.text, prev.at);
    out.push({
      word: w,
      features: [
        "bias",
        `b|${L1}|${g}|${R1}`,
        `c|${L1}|${g}|${R1}|${s}`,
        `t|${L2}|${L1}|${g}|${R1}`,
        `u|${L1}|${g}|${R1}|${R2}`,
        `q|${L2}|${L1}|${g}|${R1}|${R2}`,
        `s|${ps}|${g}|${s}`,
        `v|${L1}|${g}|${s}`,
        // The words themselves on either side: "latency | of" ends a phrase where "the | of" cannot.
        `l|${prev.word}|${g}|${R1}`,
        `r|${L1}|${g}|${cur.word}`,
      ],
    });
  }
  return out;
}

type JunctionModel = { weights: Map<string, number>; priorLogOdds: number };
let model: JunctionModel | null = null;

function loadModel(): JunctionModel {
  const weights = new Map<string, number>();
  let priorLogOdds = 0;
  for (const line of readFileSync(WORD_JUNCTION_FILE, "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [key, w] = line.split("\t");
    if (key === "prior") priorLogOdds = Number(w);
    else weights.set(key!, Number(w));
  }
  return { weights, priorLogOdds };
}

/** One gap's log-odds of being a joint, as trained (before the training's prior is taken out). */
export function junctionLogit(features: readonly string[], weights: ReadonlyMap<string, number>): number {
  let z = 0;
  for (const f of features) z += weights.get(f) ?? 0;
  return z;
}

/**
 * What the joints of a text say: `t`, the contrast of the likeliest period's joints with the gaps between (see
 * readJoints); `evidence`, the log likelihood ratio per gap of "one gap in n is a joint" (n from 2 to 6, the likeliest)
 * against "none is", each gap's ratio capped so one odd phrase weighs one gap's worth. The evidence alone reads a
 * text's style as much as its order (notes and names in capitals raise it); the contrast reads order only.
 */
export type Joints = { t: number; period: number; gaps: number; evidence: number };

/** A gap's likelihood ratio is capped at e^this. */
const CAP = 2.5;
/** How often a gap is taken to be a joint under "shuffled": one in two to one in six (chunks of 2-6 words). */
const RATES = [1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6];

function jointEvidence(logRatios: readonly number[]): number {
  if (!logRatios.length) return 0;
  const ratios = logRatios.map((z) => Math.exp(Math.min(CAP, z)));
  let best = 0;
  for (const r of RATES) {
    let sum = 0;
    for (const lr of ratios) sum += Math.log(1 - r + r * lr);
    if (sum > best) best = sum;
  }
  return best / logRatios.length;
}

/**
 * Whether a text reads as chunks of a few words put together in another order: joints at a period standing well out
 * from the gaps between, or standing out less in a text whose gaps read as joints throughout. Chosen on session 23's
 * tuning rows (test/fixtures/shuffle13/tune.yaml, 640 chunk shuffles of 64 honest answers: 441 taken) against the
 * honest answers they came from, the honest fixtures and the public sets' 15,080 student answers (1 taken, a SAF list
 * numbered inline whose four items repeat one template: word-order.ts leaves such lists alone).
 */
export function chunkShuffled(j: Joints): boolean {
  return j.gaps >= 2 * MIN_ON && (j.t >= PERIODIC_T || (j.t >= PERIODIC_T_WITH_EVIDENCE && j.evidence >= EVIDENCE_PER_GAP));
}
const PERIODIC_T = 4.8;
const PERIODIC_T_WITH_EVIDENCE = 3.9;
const EVIDENCE_PER_GAP = 0.1;

/** A gap's log-odds is bounded to this either way: one odd phrase moves the contrast below by one gap's worth. */
const LOGIT_BOUND = 4;
/** Joints every k words, for these k (outside audit 19 cut in fours; session 23's rows in 2-6). */
const PERIODS = [2, 3, 4, 5, 6];
/** A period's joints are read only when this many gaps fall on them. */
const MIN_ON = 8;

/**
 * Joints at a fixed period: a text cut into chunks of k words has its joints every k words (from where its first chunk
 * starts), and the gaps there read as joints more than the gaps between. An honest text has its odd gaps anywhere, so
 * its style (notes, names in capitals, a non-native turn of phrase) raises every phase alike and no phase stands out.
 * A text whose word count k does not divide ends in a shorter chunk, and wherever that lands the phase moves: so the
 * phase may change once, at any gap. The contrast is a t statistic: the mean log-odds of the gaps on the phase against
 * the rest, the highest over periods, phases and the one change, with the period that gave it.
 */
export function readJoints(text: string): Joints {
  model ??= loadModel();
  const m = model;
  const gaps = junctionGaps(analyse(text)).map((g) => ({
    word: g.word,
    z: Math.max(-LOGIT_BOUND, Math.min(LOGIT_BOUND, junctionLogit(g.features, m.weights))),
  }));
  const n = gaps.length;
  const best = { t: 0, period: 0, gaps: n, evidence: jointEvidence(gaps.map((g) => g.z - m.priorLogOdds)) };
  if (n < 2 * MIN_ON) return best;
  let sum = 0;
  let sq = 0;
  for (const g of gaps) {
    sum += g.z;
    sq += g.z * g.z;
  }
  const variance = Math.max((sq - (sum * sum) / n) / (n - 1), 1e-6);
  for (const k of PERIODS) {
    // Per phase, the sum and count of the gaps before each gap index (prefix sums), so any change point costs k².
    const sums = Array.from({ length: k }, () => new Float64Array(n + 1));
    const counts = Array.from({ length: k }, () => new Int32Array(n + 1));
    gaps.forEach((g, i) => {
      const phase = (g.word + 1) % k;
      for (let p = 0; p < k; p++) {
        sums[p]![i + 1] = sums[p]![i]! + (p === phase ? g.z : 0);
        counts[p]![i + 1] = counts[p]![i]! + (p === phase ? 1 : 0);
      }
    });
    for (let cut = 0; cut < n; cut += CUT_STEP)
      for (let p1 = 0; p1 < k; p1++)
        for (let p2 = 0; p2 < k; p2++) {
          if (cut === 0 && p1 > 0) continue;
          const on = sums[p1]![cut]! + sums[p2]![n]! - sums[p2]![cut]!;
          const a = counts[p1]![cut]! + counts[p2]![n]! - counts[p2]![cut]!;
          const b = n - a;
          if (a < MIN_ON || b < MIN_ON) continue;
          const t = (on / a - (sum - on) / b) / Math.sqrt(variance * (1 / a + 1 / b));
          if (t > best.t) {
            best.t = t;
            best.period = k;
          }
        }
  }
  return best;
}
/** The phase change is looked for every this many gaps: a joint or two either side of it moves the contrast little. */
const CUT_STEP = 2;
