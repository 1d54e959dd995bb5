import { isDeepStrictEqual } from "node:util";
import type { Language, Question } from "../scenarios/index.js";
import type { TestReport } from "./run-tests.js";

type RunAll = (question: Question, language: Language, code: string) => Promise<TestReport>;

const stubs: Record<Language, (entrypoint: string) => string> = {
  python: (name) => `def ${name}(*args, **kwargs):\n    return None\n`,
  typescript: (name) => `export function ${name}(...args: any[]): any { return undefined; }\n`,
};

/**
 * Test code runs in the same process as the candidate's code, so a verdict decided
 * inside it can be faked: what the server compares must be data the candidate can
 * only produce by solving the problem. Two signs that it is not:
 *  - every test expects the same value (a check()-style run_case returning True):
 *    code that makes run_case return that value passes without solving anything;
 *  - a stub whose function returns nothing passes every test: the verdict does not
 *    depend on the candidate's function at all.
 * Returns one warning per problem found (empty when test code returns real data).
 */
export async function forgeableTestCodeWarnings(question: Question, runAll?: RunAll): Promise<string[]> {
  const warnings = [constantExpectationWarning(question)].filter((w): w is string => w !== null);
  if (runAll) {
    for (const probe of stubProbes(question)) {
      const warning = stubPassesWarning(question, probe.language, await runAll(question, probe.language, probe.code));
      if (warning) warnings.push(warning);
    }
  }
  return warnings;
}

/** The first sign: every test expects the same value, and test code decides the verdict. */
export function constantExpectationWarning(question: Question): string | null {
  const spec = question.coding;
  if (!spec?.testCode) return null;
  const languages = Object.keys(spec.testCode);
  const first = spec.tests[0]!.expected;
  const constant = spec.tests.every((t) => isDeepStrictEqual(t.expected, first));
  if (!constant || (spec.tests.length === 1 && typeof first !== "boolean" && first !== null)) return null;
  return `question "${question.id}": every test expects ${JSON.stringify(first)}, so its ${languages.join("/")} test code decides the verdict inside the sandbox, where candidate code can fake it; make run_case/runCase return what the candidate's function computed and put the answers in "expected"`;
}

/** The second sign is found by running these stubs (one per language with test code) on every test. */
export function stubProbes(question: Question): { language: Language; code: string }[] {
  const spec = question.coding;
  if (!spec?.testCode) return [];
  return (Object.keys(spec.testCode) as Language[]).flatMap((language) => {
    const entrypoint = spec.entrypoint[language];
    return entrypoint ? [{ language, code: stubs[language](entrypoint) }] : [];
  });
}

export function stubPassesWarning(question: Question, language: Language, report: Pick<TestReport, "passed" | "total">): string | null {
  if (report.total === 0 || report.passed !== report.total) return null;
  const entrypoint = question.coding?.entrypoint[language];
  return `question "${question.id}": a ${language} stub whose ${entrypoint} returns nothing passes every test; the test code's verdict does not depend on the candidate's function`;
}
