// Writes server/grading/language/word-junction.tsv (language/word-junction.ts, session 23, `shuffle13`): a logistic
// model of which gaps between words are the joints of a chunk shuffle, trained on fluent English (every pack's
// exemplars: scenarios/ and test/fixtures/packs/; the SAF and Beetle reference answers, never their student answers)
// against chunk shuffles (2-6 words, fixed seeds) of the same texts. Deterministic: the same file on every run.
//   npm run word-junctions   (needs /work/data/{saf,beetle}, or DATA=<dir>)
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { analyse } from "../server/grading/language/analyse.js";
import { WORD_JUNCTION_FILE, junctionFeatures, junctionLogit } from "../server/grading/language/word-junction.js";
import { exampleSentences } from "../server/grading/language/wordnet.js";
import { loadPacksFromDir } from "../server/scenarios/index.js";
import { LOADERS } from "./eval/loaders.js";

const DATA = process.env.DATA ?? "/work/data";

/** The training texts: paragraphs of a dozen words and more (a shorter one has too few gaps to teach anything). */
export function junctionCorpus(): string[] {
  const packs = [...loadPacksFromDir("scenarios"), ...loadPacksFromDir("test/fixtures/packs")];
  const exemplars = packs.flatMap((p) => p.questions.flatMap((q) => q.exemplars.map((e) => e.answer)));
  const references = ["saf", "beetle"].flatMap((n) => LOADERS[n]!(`${DATA}/${n}`).flatMap((i) => i.references));
  const own = [...new Set([...exemplars, ...references])]
    .flatMap((t) => t.trim().split(/\n\s*\n/))
    .filter((p) => p.split(/\s+/).length >= 12)
    .sort();
  // Everyday English beside the technical prose (as word-order-corpus.ts, and for the same reason: a plain answer's
  // gaps must not read as joints): WordNet's example sentences, every other one, eight to a paragraph.
  const examples = exampleSentences().filter((_, i) => i % WORDNET_EVERY === 0);
  const paragraphs: string[] = [];
  for (let i = 0; i + EXAMPLES_PER_TEXT <= examples.length; i += EXAMPLES_PER_TEXT)
    paragraphs.push(examples.slice(i, i + EXAMPLES_PER_TEXT).join(" "));
  return [...own, ...paragraphs];
}
const WORDNET_EVERY = 2;
const EXAMPLES_PER_TEXT = 8;

/** A fixed permutation (a linear congruential generator): the same order for the same seed on every run. */
function permute<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed * 7919 + 17;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = Math.floor((state / 2147483648) * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

type Example = { features: string[]; joint: boolean };

/**
 * The gaps of a text (not joints) and of its chunk shuffles (the joints only: a chunk's inner gaps are the text's
 * own). A shuffle's words are joined by one space, lines run together; so is the text, so both read alike.
 */
function examples(text: string, seed: number): Example[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: Example[] = junctionFeatures(analyse(words.join(" "))).map((features) => ({ features, joint: false }));
  for (const k of [2, 3, 4, 5, 6]) {
    const chunks: string[][] = [];
    for (let i = 0; i < words.length; i += k) chunks.push(words.slice(i, i + k));
    const order = permute(
      chunks.map((_, i) => i),
      seed * 10 + k,
    );
    // Which gaps (by the word before them) are joints: the last word of a chunk not followed by its own next chunk.
    const joint = new Set<number>();
    let at = 0;
    order.forEach((c, n) => {
      at += chunks[c]!.length;
      if (n + 1 < order.length && order[n + 1] !== c + 1) joint.add(at - 1);
    });
    const shuffled = order.flatMap((c) => chunks[c]!);
    // Gaps are read in word order; a word tokenised in parts ("p95," "GPU-hours") shifts nothing here since only
    // space gaps count, one per pair of words the tokeniser keeps apart. Match each gap to its word by offset.
    const joined = shuffled.join(" ");
    const starts: number[] = [];
    let offset = 0;
    for (const w of shuffled) {
      starts.push(offset);
      offset += w.length + 1;
    }
    const a = analyse(joined);
    const feats = junctionFeatures(a);
    // The gaps junctionFeatures read, by the offset of the space that opens them.
    const t = a.tokens.filter((x) => x.pos !== "SPACE" && x.pos !== "PUNCT");
    let g = 0;
    for (let i = 1; i < t.length; i++) {
      const prev = t[i - 1]!;
      const gap = joined.slice(prev.at + prev.word.length, t[i]!.at);
      if (!/\s/.test(gap) || gap.includes("\n")) continue;
      const space = prev.at + prev.word.length + gap.search(/\s/);
      // The word ending at this space: the last start before it.
      let w = 0;
      while (w + 1 < starts.length && starts[w + 1]! <= space) w++;
      if (joint.has(w)) out.push({ features: feats[g]!, joint: true });
      g++;
    }
  }
  return out;
}

const EPOCHS = 6;
const RATE = 0.05;
const L2 = 1e-5;
/** A feature seen fewer times than this is left out of the file: it would fit one training text. */
const MIN_SEEN = 3;

if (import.meta.url === `file://${process.argv[1]}`) {
  const corpus = junctionCorpus();
  const data = corpus.flatMap((t, i) => examples(t, i + 1));
  const seen = new Map<string, number>();
  for (const e of data) for (const f of e.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  const joints = data.filter((e) => e.joint).length;
  const weights = new Map<string, number>();
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = permute(
      data.map((_, i) => i),
      epoch + 1,
    );
    let loss = 0;
    for (const i of order) {
      const e = data[i]!;
      const feats = e.features.filter((f) => seen.get(f)! >= MIN_SEEN);
      const z = junctionLogit(feats, weights);
      const p = 1 / (1 + Math.exp(-z));
      const y = e.joint ? 1 : 0;
      loss -= Math.log(y ? p + 1e-12 : 1 - p + 1e-12);
      const step = RATE * (y - p);
      for (const f of feats) {
        const w = weights.get(f) ?? 0;
        weights.set(f, w + step - RATE * L2 * w);
      }
    }
    console.log(`epoch ${epoch + 1}: mean loss ${(loss / data.length).toFixed(4)}`);
  }
  const prior = Math.log(joints / (data.length - joints));
  const lines = [...weights]
    .filter(([, w]) => Math.abs(w) >= 0.005)
    .map(([k, w]) => `${k}\t${w.toFixed(3)}`)
    .sort();
  const hash = createHash("sha256");
  for (const t of corpus) hash.update(t).update("\0");
  writeFileSync(WORD_JUNCTION_FILE, `# ${hash.digest("hex")}\nprior\t${prior.toFixed(4)}\n${lines.join("\n")}\n`);
  console.log(`${corpus.length} texts, ${data.length} gaps (${joints} joints), ${lines.length} weights: ${WORD_JUNCTION_FILE.pathname}`);
}
