import { existsSync, statSync } from "node:fs";
import { answerBody, GRADER_VERSION, gradeQuestion, gradingCriteria, questionScore } from "../grading/index.js";
import { defaultVariantPack, LanguageSchema, type Pack } from "../scenarios/index.js";
import { CliError, parseOptions, readUserFile, type Cli } from "./context.js";
import { createSandbox, DEFAULT_LIMITS, type Sandbox } from "../sandbox/index.js";
import { LineWithoutEndError } from "../files/index.js";
import { gradeFile, type RunTests } from "./grade-batch.js";
import { loadPacksForCli, packAndQuestion } from "./load-packs.js";

const USAGE = `usage:
  npm run -s cli -- grade --pack <pack file, dir or id> --answers <answers.jsonl> [--pack-id <id>] [--exemplars-as-answers]
      one JSON line per answer row {id, questionId, text?, code?, language?}:
      {id, questionId, graderVersion, score (0-100), graded, criteria: [{criterionId, score (0-4), insufficientEvidence,
       notGraded?, feedback, evidence: [{quote, note}]}], flags: [{kind, message, quote}], asExemplar?}
      where graded: false, score null and notGraded ("other-language", "unreadable", "not-answered") mean no verdict;
      or {line, id?, error: {code, message}} for a row that could not be graded.
      Coding answers run on the question's tests in the sandbox, as in the interview.
      --exemplars-as-answers: a row that is one of its question's exemplars word for word is graded as
      that exemplar, as calibrate grades it, and marked "asExemplar": "<level>" (without it, an exemplar
      is a copy of a model answer and earns nothing). For a file of your own rows only.
  npm run -s cli -- grade --question <pack file, dir or id>#<question-id> --answer-file <answer.txt> [--code --language python|typescript]
      one answer, printed as {questionId, graderVersion, score (0-100), scores: [the grader's full record per
      criterion: criterionId, score, insufficientEvidence, source, feedback, evidence, ...], flags}.
Both grade exactly as the interview does (the deterministic evidence layer, the whole pack loaded).`;
const SEE_USAGE = "see npm run -s cli -- grade --help";

function loadPack(target: string, cli: Cli, want: (p: Pack) => boolean, missing: string): Pack {
  // Outside a session a question with variants is graded in its default variant.
  const pack = loadPacksForCli(target, cli)
    .map((l) => defaultVariantPack(l.pack))
    .find(want);
  if (!pack) throw new CliError(missing);
  return pack;
}

export async function gradeCommand(argv: string[], cli: Cli): Promise<number> {
  const { values } = parseOptions(
    {
      args: argv,
      options: {
        question: { type: "string" },
        "answer-file": { type: "string" },
        code: { type: "boolean" },
        language: { type: "string" },
        pack: { type: "string" },
        answers: { type: "string" },
        "pack-id": { type: "string" },
        "exemplars-as-answers": { type: "boolean" },
        help: { type: "boolean" },
      },
    },
    SEE_USAGE,
  );
  if (values.help) {
    cli.out(USAGE);
    return 0;
  }
  if (values.pack || values.answers) {
    if (!values.pack || !values.answers) throw new CliError(`--pack and --answers go together; ${SEE_USAGE}`, 2);
    const answers = cli.path(values.answers);
    const hint = "give the JSONL file of answers to grade (one {id, questionId, text or code} per line)";
    if (!existsSync(answers)) throw new CliError(`no file ${values.answers}; ${hint}`, 2);
    if (statSync(answers).isDirectory()) throw new CliError(`${values.answers} is a folder; ${hint}`, 2);
    const packId = values["pack-id"];
    const pack = loadPack(
      values.pack,
      cli,
      (p) => !packId || p.id === packId,
      `no pack "${packId}" in ${values.pack}; drop --pack-id or name a pack that is there`,
    );
    // One sandbox for the whole file, started only when a coding answer needs it.
    let sandbox: Sandbox | null = null;
    const runTests: RunTests = (question, language, code) => {
      sandbox ??= createSandbox({ limits: DEFAULT_LIMITS, pythonPool: 1, typescriptWorkers: 1 });
      return sandbox.runTests(question, language, code, "all");
    };
    const options = { exemplarsAsAnswers: values["exemplars-as-answers"] === true };
    const { graded, errors, duplicateIds } = await gradeFile(pack, answers, cli.out, runTests, options)
      .catch((err: unknown) => {
        // An endless line (/dev/zero, a binary file) stops the run with one clear line, after the rows already written.
        if (err instanceof LineWithoutEndError) throw new CliError(`${values.answers}: ${err.message}; ${hint}`, 2);
        throw err;
      })
      .finally(() => (sandbox as Sandbox | null)?.close());
    if (graded + errors === 0) throw new CliError(`${values.answers} has no answers; ${hint}`, 2);
    if (duplicateIds.length)
      cli.err(
        `${duplicateIds.length} id(s) appear on more than one row, each row graded: ${duplicateIds.slice(0, 5).map(String).join(", ")}${duplicateIds.length > 5 ? ", ..." : ""}`,
      );
    // Bad rows are output lines with an error code (machine-readable); the person running it gets one line too.
    if (errors) cli.err(`${errors} of ${graded + errors} rows could not be graded (their output lines carry an error code and message)`);
    return errors > 0 ? 1 : 0;
  }
  const target = packAndQuestion(values.question);
  if (!target || !values["answer-file"]) throw new CliError(`give --question <pack>#<question-id> and --answer-file; ${SEE_USAGE}`, 2);
  const { questionId } = target;
  const answer = readUserFile(cli, values["answer-file"], "the file holding the answer to grade");
  const pack = loadPack(
    target.pack,
    cli,
    (p) => p.questions.some((q) => q.id === questionId),
    `no question "${questionId}" in ${target.pack}; check the id after the #`,
  );
  const question = pack.questions.find((q) => q.id === questionId)!;
  const language = LanguageSchema.safeParse(values.language ?? "python");
  if (values.code && !language.success) throw new CliError(`unknown --language "${values.language}"; use python or typescript`, 2);
  // Built as the interview builds a submit's body (grading/answer-body.ts): one answer, one grade on both paths.
  const body = answerBody(values.code ? { code: answer, language: language.success ? language.data : "python" } : { text: answer });
  const { scores, flags } = gradeQuestion(question, [body], { pack });
  // The same question score and grader version a batch line carries, beside the full per-criterion scores.
  const score = questionScore(gradingCriteria(question), scores);
  cli.out(JSON.stringify({ questionId, graderVersion: GRADER_VERSION, score, scores, flags }, null, 2));
  return 0;
}
