import { existsSync, readdirSync, statSync } from "node:fs";
import { readBoundedText } from "../files/index.js";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import {
  calibrateLabelled,
  calibratePack,
  unphrasedPoints,
  type Agreement,
  type CalibrationResult,
  type LabelledAnswer,
} from "../grading/index.js";
import { defaultVariantPack } from "../scenarios/index.js";
import { CliError, oneLine, onePackArgument, parseOptions, type Cli } from "./context.js";
import { loadPacksForCli } from "./load-packs.js";

const USAGE =
  "usage: npm run -s cli -- calibrate <pack dir | pack.yaml | questions file | pack id> [--answers labelled.yaml ...] [--phrasings] [--json]";
/** A file of labelled answers may hold this much (the blind sets are well under 1 MB). */
const MAX_LABELLED_ANSWERS_BYTES = 10_000_000;
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const row = (name: string, a: Agreement) =>
  `${name.padEnd(18)} ${String(a.n).padStart(5)}  ${a.qwk.toFixed(3).padStart(6)}  ${pct(a.exact).padStart(6)}  ${pct(a.withinOne).padStart(10)}`;

/** `calibrate <pack>`: grade every exemplar and print agreement with its labels. */
export function calibrateCommand(args: string[], cli: Cli): number {
  const { values, positionals } = parseOptions(
    {
      args,
      allowPositionals: true,
      options: {
        answers: { type: "string", multiple: true },
        phrasings: { type: "boolean" },
        json: { type: "boolean" },
        help: { type: "boolean" },
      },
    },
    USAGE,
  );
  if (values.help) {
    cli.out(USAGE);
    return 0;
  }
  const target = onePackArgument("calibrate", positionals, USAGE);
  const packs = loadPacksForCli(target, cli);
  const answerFiles = values.answers ?? [];
  const labelled = answerFiles.flatMap((f) => labelledAnswersIn(f, cli));
  // Questions with variables are calibrated in their default variant (exemplars and figures agree there).
  for (const pack of packs.map((l) => defaultVariantPack(l.pack))) {
    const result: CalibrationResult = answerFiles.length ? calibrateLabelled(pack, labelled) : calibratePack(pack);
    if (answerFiles.length && result.overall.n === 0) {
      throw new CliError(
        `none of the ${labelled.length} labelled answers in ${answerFiles.join(", ")} names a question and criterion of ${pack.id}; check their questionId and scores keys`,
      );
    }
    const unphrased = unphrasedPoints(pack);
    if (values.json) {
      cli.out(JSON.stringify({ pack: pack.id, ...result, unphrased }, null, 2));
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
    printUnphrased(unphrased, values.phrasings === true, cli);
    const unknown = (result as { unknownQuestions?: string[] }).unknownQuestions ?? [];
    if (unknown.length) {
      cli.out(`\nanswers for questions not in the pack (skipped): ${[...new Set(unknown)].join(", ")}`);
    }
  }
  return 0;
}

/**
 * The authoring aid for plain words: how many key points have no everyday phrasing (neither the pack's `plain` nor
 * a domain-lexicon concept), and with --phrasings which, question by question, so a team knows what to phrase.
 */
function printUnphrased({ points, total }: ReturnType<typeof unphrasedPoints>, list: boolean, cli: Cli): void {
  if (!points.length) return;
  cli.out(
    `\nkey points with no plain phrasing: ${points.length} of ${total} (${pct(points.length / total)}); an answer that says one ` +
      `without its terms earns nothing for it. Add "plain" phrasings to them (docs/scenario-format.md, "Also said as")` +
      (list ? ":" : "; --phrasings lists them."),
  );
  if (!list) return;
  const byQuestion = new Map<string, string[]>();
  for (const p of points) byQuestion.set(p.questionId, [...(byQuestion.get(p.questionId) ?? []), `${p.criterionId}: ${p.label}`]);
  for (const [question, labels] of byQuestion) cli.out(`  ${question}: ${labels.join("; ")}`);
}

/** One labelled answer as a file holds it (test/fixtures/calibration/*.yaml): checked, not cast. */
const LabelledAnswerSchema = z.object({
  questionId: z.string().min(1),
  kind: z.string().optional(),
  answer: z.string(),
  scores: z.record(z.string(), z.number().int().min(0).max(4)),
});

/** The labelled answers in a YAML file, or in every YAML file of a folder; each problem is one CliError line. */
function labelledAnswersIn(given: string, cli: Cli): LabelledAnswer[] {
  const path = cli.path(given);
  const hint = "give YAML files (a list of {questionId, answer, scores}) or a folder of them";
  if (!existsSync(path)) throw new CliError(`no file or folder ${given}; ${hint}`, 2);
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => join(path, f))
    : [path];
  if (!files.length) throw new CliError(`no .yaml files in ${given}; ${hint}`, 2);
  return files.flatMap((file) => {
    let doc: unknown;
    try {
      // Bounded: /dev/zero or a runaway file is refused at once, not read until memory runs out.
      doc = parse(readBoundedText(file, MAX_LABELLED_ANSWERS_BYTES));
    } catch (err) {
      throw new CliError(`cannot read the labelled answers in ${file}: ${oneLine((err as Error).message)}; ${hint}`, 2);
    }
    const parsed = z.array(LabelledAnswerSchema).min(1).safeParse(doc);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? ` at ${issue.path.join(".")}` : "";
      throw new CliError(`${file}${where}: ${issue.message}; ${hint}`, 2);
    }
    return parsed.data;
  });
}
