import { createSandbox, DEFAULT_LIMITS, LanguageUnavailableError } from "../sandbox/index.js";
import { defaultVariantPack, LanguageSchema } from "../scenarios/index.js";
import { CliError, parseOptions, readUserFile, type Cli } from "./context.js";
import { loadPacksForCli, packAndQuestion } from "./load-packs.js";

const USAGE = `usage: npm run -s cli -- run-code --question <pack file, dir or id>#<question-id> --language python|typescript --file <solution> [--scope all|visible]
Runs the solution in the sandbox against the question's tests and prints the results as JSON
(hidden tests: pass/fail only). Exit 0 when every test passed, 1 otherwise.`;
const SEE_USAGE = "see npm run -s cli -- run-code --help";

export async function runCodeCommand(argv: string[], cli: Cli): Promise<number> {
  const { values } = parseOptions(
    {
      args: argv,
      options: {
        question: { type: "string" },
        language: { type: "string" },
        file: { type: "string" },
        scope: { type: "string", default: "all" },
        help: { type: "boolean" },
      },
    },
    SEE_USAGE,
  );
  if (values.help) {
    cli.out(USAGE);
    return 0;
  }
  const target = packAndQuestion(values.question);
  const language = LanguageSchema.safeParse(values.language);
  if (!target || !values.file) throw new CliError(`give --question <pack>#<question-id>, --language and --file; ${SEE_USAGE}`, 2);
  if (!language.success) throw new CliError(`--language must be python or typescript (got ${JSON.stringify(values.language ?? "")})`, 2);
  const scope = values.scope;
  if (scope !== "all" && scope !== "visible") throw new CliError(`--scope must be all or visible (got "${scope}")`, 2);
  const code = readUserFile(cli, values.file, "the file holding the solution");
  const question = loadPacksForCli(target.pack, cli)
    .flatMap((l) => defaultVariantPack(l.pack).questions)
    .find((q) => q.id === target.questionId);
  if (!question) throw new CliError(`no question "${target.questionId}" in ${target.pack}; check the id after the #`);
  if (!question.coding) throw new CliError(`question "${target.questionId}" is not a coding question; name one with tests`);
  const sandbox = createSandbox({ limits: DEFAULT_LIMITS, pythonPool: 1, typescriptWorkers: 1 });
  try {
    const report = await sandbox.runTests(question, language.data, code, scope);
    cli.out(JSON.stringify(report, null, 2));
    return report.passed === report.total ? 0 : 1;
  } catch (err) {
    if (err instanceof LanguageUnavailableError) throw new CliError(`${err.message.split("\n")[0]}; try the other --language`);
    throw err;
  } finally {
    await sandbox.close();
  }
}
