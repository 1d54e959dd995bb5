import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { gradeQuestion } from "../grading/index.js";
import { defaultVariantPack, LanguageSchema, loadPacksAt, PackValidationError, type Pack } from "../scenarios/index.js";
import { gradeFile } from "./grade-batch.js";

const USAGE = `usage:
  npm run -s cli -- grade --pack <pack file or dir> --answers <answers.jsonl> [--pack-id <id>]
      one JSON line per answer row {id, questionId, text?, code?, language?}:
      {id, questionId, score, criteria: [{criterionId, score, insufficientEvidence}], flags}
      or {line, id?, error: {code, message}} for a row that could not be graded.
  npm run -s cli -- grade --question <pack file or dir>#<question-id> --answer-file <answer.txt> [--code --language python|typescript]
      one answer, printed as {scores, flags}.
Both grade exactly as the interview does (the deterministic evidence layer, the whole pack loaded).`;

function loadPack(path: string, want: (p: Pack) => boolean): Pack | string {
  try {
    // Outside a session a question with variants is graded in its default variant.
    const pack = loadPacksAt(path)
      .map((l) => defaultVariantPack(l.pack))
      .find(want);
    return pack ?? `no matching pack in ${path}`;
  } catch (err) {
    if (err instanceof PackValidationError) return err.message;
    throw err;
  }
}

export async function gradeCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        question: { type: "string" },
        "answer-file": { type: "string" },
        code: { type: "boolean" },
        language: { type: "string" },
        pack: { type: "string" },
        answers: { type: "string" },
        "pack-id": { type: "string" },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.pack || values.answers) {
    if (!values.pack || !values.answers) {
      console.error(`--pack and --answers go together\n${USAGE}`);
      return 2;
    }
    if (!existsSync(values.answers)) {
      console.error(`cannot read ${values.answers}`);
      return 2;
    }
    const packId = values["pack-id"];
    const pack = loadPack(values.pack, (p) => !packId || p.id === packId);
    if (typeof pack === "string") {
      console.error(pack);
      return 1;
    }
    const { errors } = await gradeFile(pack, values.answers, (line) => process.stdout.write(`${line}\n`));
    return errors > 0 ? 1 : 0;
  }
  const [packPath, questionId] = (values.question ?? "").split("#");
  if (!packPath || !questionId || !values["answer-file"]) {
    console.error(USAGE);
    return 2;
  }
  let answer: string;
  try {
    answer = readFileSync(values["answer-file"], "utf8");
  } catch {
    console.error(`cannot read ${values["answer-file"]}`);
    return 2;
  }
  const pack = loadPack(packPath, (p) => p.questions.some((q) => q.id === questionId));
  if (typeof pack === "string") {
    console.error(pack.startsWith("no matching") ? `no question "${questionId}" in ${packPath}` : pack);
    return 1;
  }
  const question = pack.questions.find((q) => q.id === questionId)!;
  const language = LanguageSchema.safeParse(values.language ?? "python");
  const body = values.code ? { code: answer, language: language.success ? language.data : "python" } : { text: answer };
  const { scores, flags } = gradeQuestion(question, [body], { pack });
  console.log(JSON.stringify({ questionId, scores, flags }, null, 2));
  return 0;
}
