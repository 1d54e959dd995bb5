import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { gradeQuestion } from "../grading/index.js";
import { LanguageSchema, loadPacksAt, PackValidationError, defaultVariantPack } from "../scenarios/index.js";

const USAGE = `usage: npm run -s cli -- grade --question <pack file or dir>#<question-id> --answer-file <answer.txt> [--code --language python|typescript]
Grades the answer with the deterministic evidence layer and prints {scores, flags} as JSON.`;

export function gradeCommand(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { question: { type: "string" }, "answer-file": { type: "string" }, code: { type: "boolean" }, language: { type: "string" } } }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
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
  let packs;
  try {
    packs = loadPacksAt(packPath).map((l) => defaultVariantPack(l.pack));
  } catch (err) {
    if (err instanceof PackValidationError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  const pack = packs.find((p) => p.questions.some((q) => q.id === questionId));
  const question = pack?.questions.find((q) => q.id === questionId);
  if (!pack || !question) {
    console.error(`no question "${questionId}" in ${packPath}`);
    return 1;
  }
  const language = LanguageSchema.safeParse(values.language ?? "python");
  const body = values.code ? { code: answer, language: language.success ? language.data : "python" } : { text: answer };
  const modelAnswers = pack.questions.flatMap((q) => q.exemplars.map((e) => e.answer)).filter((a) => a !== answer);
  const { scores, flags } = gradeQuestion(question, [body], { modelAnswers });
  console.log(JSON.stringify({ questionId, scores, flags }, null, 2));
  return 0;
}
