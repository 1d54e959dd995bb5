import { loadPacksForCli } from "./load-packs.js";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { calibrateLabelled, calibratePack, type Agreement, type CalibrationResult, type LabelledAnswer } from "../grading/index.js";
import { defaultVariantPack } from "../scenarios/index.js";

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const row = (name: string, a: Agreement) =>
  `${name.padEnd(18)} ${String(a.n).padStart(5)}  ${a.qwk.toFixed(3).padStart(6)}  ${pct(a.exact).padStart(6)}  ${pct(a.withinOne).padStart(10)}`;

/** `calibrate <pack>`: grade every exemplar and print agreement with its labels. */
export function calibrateCommand(args: string[]): number {
  const target = args[0];
  if (!target) {
    console.error("usage: npm run -s cli -- calibrate <pack dir | pack.yaml | questions file> [--answers labelled.yaml ...] [--json]");
    return 2;
  }
  const loaded = loadPacksForCli(target);
  if ("exitCode" in loaded) return loaded.exitCode;
  const { packs } = loaded;
  const answerFiles = args.flatMap((a, i) => (a === "--answers" && args[i + 1] ? [args[i + 1]!] : []));
  // A directory of labelled answers means every YAML file in it.
  let labelled: LabelledAnswer[];
  try {
    labelled = answerFiles.flatMap(labelledFilesOf).flatMap((f) => parse(readFileSync(f, "utf8")) as LabelledAnswer[]);
  } catch (err) {
    console.error(`cannot read the labelled answers: ${(err as Error).message.split("\n")[0]} (give YAML files or a folder of them)`);
    return 2;
  }
  // Questions with variables are calibrated in their default variant (exemplars and figures agree there).
  for (const pack of packs.map((l) => defaultVariantPack(l.pack))) {
    const result: CalibrationResult = answerFiles.length ? calibrateLabelled(pack, labelled) : calibratePack(pack);
    if (args.includes("--json")) {
      console.log(JSON.stringify({ pack: pack.id, ...result }, null, 2));
      continue;
    }
    const what = answerFiles.length
      ? `${labelled.length} independently labelled answers (${answerFiles.join(", ")})`
      : "labelled exemplar scores";
    console.log(`\n${pack.id} v${pack.version}: grader vs ${what}, criterion level`);
    console.log(`${"".padEnd(18)} ${"pairs".padStart(5)}  ${"QWK".padStart(6)}  ${"exact".padStart(6)}  ${"within one".padStart(10)}`);
    for (const [kind, a] of Object.entries(result.byKind)) console.log(row(kind, a!));
    console.log(row("overall", result.overall));
    if (result.misordered.length) {
      console.log("\nexemplars not graded strong > adequate > weak:");
      for (const m of result.misordered) console.log(`  ${m.questionId}: ${JSON.stringify(m.scores)}`);
    }
    if (result.worst.length) {
      console.log("\nworst disagreements:");
      for (const w of result.worst)
        console.log(`  ${w.questionId} / ${w.exemplar} / ${w.criterionId}: labelled ${w.label}, graded ${w.predicted}`);
    }
    const unknown = (result as { unknownQuestions?: string[] }).unknownQuestions ?? [];
    if (unknown.length) {
      console.log(`\nanswers for questions not in the pack (skipped): ${[...new Set(unknown)].join(", ")}`);
    }
  }
  return 0;
}

function labelledFilesOf(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(path, f));
}
