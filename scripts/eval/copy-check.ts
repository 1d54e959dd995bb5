// The copy check measured both ways on the built-in pack (branch copies):
//   npx tsx scripts/eval/copy-check.ts [--verbose]
// 1. Copies of each text question's strong model answer, made mechanically (verbatim, sentence order
//    shuffled, words shuffled, edited, synonyms swapped, typos, sentences dropped, filler or rubric terms
//    mixed in, and a copied paragraph after an honest one): how many are set aside as copied.
// 2. Honest answers that make the model answer's points in their own words: the expert rewrites
//    (test/fixtures/honest/expert-rewrites.yaml), the independently written calibration answers and
//    the technical honest answers: how many are set aside as copied.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { prepareAnswer } from "../../server/grading/index.js";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";
import { copyVariants } from "../../test/helpers/copies.js";

const [pack] = loadPacksFromDir("scenarios");
const verbose = process.argv.includes("--verbose");
const copied = (q: Question, text: string, gradingExemplar?: string) =>
  prepareAnswer(q, [{ text }], { pack, gradingExemplar }).flags.filter((f) => f.kind === "copied-model-answer");

const perKind = new Map<string, { caught: number; total: number; misses: string[]; leftover: number }>();
let partialWrong = 0;
let partialTotal = 0;
for (const q of pack!.questions) {
  if (q.kind === "coding") continue;
  for (const v of copyVariants(q)) {
    const row = perKind.get(v.kind) ?? { caught: 0, total: 0, misses: [], leftover: 0 };
    perKind.set(v.kind, row);
    const flags = copied(q, v.text);
    row.total++;
    if (flags.length) {
      row.caught++;
      // What of a caught copy is still read: the candidate's own sentences (`own`), nothing else.
      const kept = prepareAnswer(q, [{ text: v.text }], { pack }).evidence.prose;
      row.leftover += Math.max(0, kept.length - (v.own?.length ?? 0)) / v.text.length;
    } else row.misses.push(q.id);
    if (v.own) {
      // Only the copied paragraph or sentences are set aside: the honest ones are kept.
      partialTotal++;
      const kept = prepareAnswer(q, [{ text: v.text }], { pack }).evidence.prose;
      if (!kept.includes(v.own.trim().slice(0, 80)) || !kept.includes(v.own.trim().slice(-60))) partialWrong++;
    }
  }
}
console.log("copies of the strong model answer set aside as copied (text questions):");
for (const [kind, r] of perKind)
  console.log(
    `  ${kind.padEnd(48)} ${`${r.caught}/${r.total}`.padStart(7)}  still read ${((100 * r.leftover) / Math.max(1, r.caught)).toFixed(1)}%${r.misses.length ? `  missed: ${r.misses.slice(0, 6).join(", ")}` : ""}`,
  );
console.log(`  partial copies whose honest paragraph or sentences were set aside too: ${partialWrong}/${partialTotal}`);

type Labelled = { questionId: string; answer: string };
const fixture = (name: string) => parse(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), "utf8")) as Labelled[];
const honestSets: [string, Labelled[]][] = [
  ["expert rewrites (honest/expert-rewrites.yaml)", fixture("honest/expert-rewrites.yaml")],
  [
    "calibration answers (blind, independent)",
    ["behavioural", "prompt-debugging", "system-design"].flatMap((f) => fixture(`calibration/${f}.yaml`)),
  ],
  ["technical honest answers", ["technical", "technical-heldout", "structured"].flatMap((f) => fixture(`honest/${f}.yaml`))],
];
console.log("\nhonest answers set aside as copied:");
for (const [name, rows] of honestSets) {
  let hit = 0;
  let total = 0;
  for (const { questionId, answer } of rows) {
    const q = pack!.questions.find((x) => x.id === questionId);
    if (!q || q.kind === "coding") continue;
    total++;
    const flags = copied(q, answer);
    if (flags.length) {
      hit++;
      if (verbose) console.log(`    ${questionId}: ${flags[0]!.quote.slice(0, 100)}`);
    }
  }
  console.log(`  ${name.padEnd(48)} ${`${hit}/${total}`.padStart(7)}`);
}
