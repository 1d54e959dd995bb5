import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createSandbox, DEFAULT_LIMITS, LanguageUnavailableError } from "../sandbox/index.js";
import { defaultVariantPack, LanguageSchema, loadPacksAt, PackValidationError } from "../scenarios/index.js";

const USAGE = `usage: npm run -s cli -- run-code --question <pack file or dir>#<question-id> --language python|typescript --file <solution> [--scope all|visible]
Runs the solution in the sandbox against the question's tests and prints the results as JSON
(hidden tests: pass/fail only). Exit 0 when every test passed, 1 otherwise.`;

export async function runCodeCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        question: { type: "string" },
        language: { type: "string" },
        file: { type: "string" },
        scope: { type: "string", default: "all" },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [packPath, questionId] = (values.question ?? "").split("#");
  const language = LanguageSchema.safeParse(values.language);
  if (!packPath || !questionId || !language.success || !values.file || !["all", "visible"].includes(values.scope!)) {
    console.error(USAGE);
    return 2;
  }
  let code: string;
  try {
    code = readFileSync(values.file, "utf8");
  } catch {
    console.error(`cannot read ${values.file}`);
    return 2;
  }
  let question;
  try {
    question = loadPacksAt(packPath)
      .flatMap((l) => defaultVariantPack(l.pack).questions)
      .find((q) => q.id === questionId);
  } catch (err) {
    if (err instanceof PackValidationError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  if (!question?.coding) {
    console.error(question ? `question "${questionId}" is not a coding question` : `no question "${questionId}" in ${packPath}`);
    return 1;
  }
  const sandbox = createSandbox({ limits: DEFAULT_LIMITS, pythonPool: 1, typescriptWorkers: 1 });
  try {
    const report = await sandbox.runTests(question, language.data, code, values.scope as "all" | "visible");
    console.log(JSON.stringify(report, null, 2));
    return report.passed === report.total ? 0 : 1;
  } catch (err) {
    if (err instanceof LanguageUnavailableError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await sandbox.close();
  }
}
