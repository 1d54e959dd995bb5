// Which reference-word / answer-word pairs the soft match (soft-match.ts) accepts on a set's
// tuning split, with the mean human label of the answers each fires on: for reading, not tuning.
//   GRADER_SOFT=0.6,0.5 npx tsx scripts/eval/soft-pairs.ts beetle /work/data/beetle
import { documentFrequencies, vectorOf } from "../../server/grading/language/index.js";
import { paraphrases, SOFT } from "../../server/grading/language/soft-match.js";
import { loadBeetle } from "./datasets/beetle.js";
import { loadPowergrading } from "./datasets/powergrading.js";
import { loadSaf } from "./datasets/saf.js";

const [name = "", path = ""] = process.argv.slice(2);
const items = { beetle: loadBeetle, saf: loadSaf, powergrading: loadPowergrading }[name]!(path).filter(
  (i) => name === "powergrading" || i.split === "tuning",
);
const idf = documentFrequencies([...new Set(items.flatMap((i) => i.references))]);
const pairs = new Map<string, number[]>();
const labels: number[] = [];
const refVectors = new Map<string, Map<string, number>>();
for (const item of items) {
  labels.push(item.label);
  const answer = vectorOf(item.answer, idf);
  const seen = new Set<string>();
  for (const ref of item.references) {
    let reference = refVectors.get(ref);
    if (!reference) refVectors.set(ref, (reference = vectorOf(ref, idf)));
    for (const f of reference.keys()) {
      if (f.includes(">") || answer.has(f)) continue;
      const polarity = f.startsWith("not_") ? "not_" : "";
      for (const k of answer.keys()) {
        if (k.includes(">") || !k.startsWith(polarity) || (polarity === "" && k.startsWith("not_"))) continue;
        const x = k.slice(polarity.length);
        if (reference.has(k) || !paraphrases(f.slice(polarity.length), x, SOFT!)) continue;
        const key = `${f} <- ${k}`;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.set(key, [...(pairs.get(key) ?? []), item.label]);
      }
    }
  }
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`answers ${items.length}, mean label ${mean(labels).toFixed(2)}, pairs ${pairs.size}`);
for (const [k, v] of [...pairs].sort((a, b) => b[1].length - a[1].length).slice(0, Number(process.argv[4] ?? 60)))
  console.log(`${String(v.length).padStart(5)}  mean ${mean(v).toFixed(2)}  ${k}`);
