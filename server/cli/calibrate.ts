import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { calibrateLabelled, calibratePack, type Agreement, type CalibrationResult, type LabelledAnswer } from "../grading/index.js";
import { defaultVariantPack } from "../scenarios/index.js";
import { CliError, type Cli } from "./context.js";
import { loadPacksForCli } from "./load-packs.js";

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const row = (name: string, a: Agreement) =>
  `${name.padEnd(18)} ${String(a.n).padStart(5)}  ${a.qwk.toFixed(3).padStart(6)}  ${pct(a.exact).padStart(6)}  ${pct(a.withinOne).padStart(10)}`;

/** `calibrate <pack>`: grade every exemplar and print agreement with its labels. */
export function calibrateCommand(args: string[], cli: Cli): number {
  const target = args[0];
  if (!target || target.startsWith("--")) {
    throw new CliError(
      "usage: npm run -s cli -- calibrate <pack dir | pack.yaml | questions file | pack id> [--answers labelled.yaml ...] [--json]",
      2,
    );
  }
  const packs = loadPacksForCli(target, cli);
  const answerFiles = args.flatMap((a, i) => (a === "--answers" && args[i + 1] ? [args[i + 1]!] : []));
  // A directory of labelled answers means every YAML file in it.
  let labelled: LabelledAnswer[];
  try {
    labelled = answerFiles.flatMap((f) => labelledFilesOf(cli.path(f))).flatMap((f) => parse(readFileSync(f, "utf8")) as LabelledAnswer[]);
  } catch (err) {
    throw new CliError(
      `cannot read the labelled answers: ${(err as Error).message.split("\n")[0]}; give YAML files or a folder of them`,
      2,
    );
  }
  // Questions with variables are calibrated in their default variant (exemplars and figures agree there).
  for (const pack of packs.map((l) => defaultVariantPack(l.pack))) {
    const result: CalibrationResult = answerFiles.length ? calibrateLabelled(pack, labelled) : calibratePack(pack);
    if (args.includes("--json")) {
      cli.out(JSON.stringify({ pack: pack.id, ...result }, null, 2));
      continue;
    }
    const what = answerFiles.length
      ? `${labelled.length} independently labelled answers (${answerFiles.join(", ")})`
      : "labelled exemplar scores";
    cli.out(`\n${pack.id} v${pack.version}: grader vs ${what}, criterion level`);
    cli.out(`${"".padEnd(18)} ${"pairs".padStart(5)}  ${"QWK".padStart(6)}  ${"exact".padStart(6)}  ${"within one".padStart(10)}`);
    for (const [kind, a] of Object.entries(result.byKind)) cli.out(row(kind, a!));
    cli.out(row("overall", result.overall));
    if (result.misordered.length) {
      cli.out("\nexemplars not graded strong > adequate > weak:");
      for (const m of result.misordered) cli.out(`  ${m.questionId}: ${JSON.stringify(m.scores)}`);
    }
    if (result.worst.length) {
      cli.out("\nworst disagreements:");
      for (const w of result.worst)
        cli.out(`  ${w.questionId} / ${w.exemplar} / ${w.criterionId}: labelled ${w.label}, graded ${w.predicted}`);
    }
    const unknown = (result as { unknownQuestions?: string[] }).unknownQuestions ?? [];
    if (unknown.length) {
      cli.out(`\nanswers for questions not in the pack (skipped): ${[...new Set(unknown)].join(", ")}`);
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
