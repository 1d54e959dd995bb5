import type { CriterionScore, TestReport } from "../contracts/index.js";
import type { Criterion, Language, Question } from "../scenarios/index.js";

export const TESTS_CRITERION_ID = "tests-passed";

/** What the grader knows about running a coding answer: a report, or why it could not run. */
export type TestEvidence = { report: TestReport } | { notRun: string };

/**
 * The criteria a question is scored on: its rubric, plus for coding questions
 * an automatic "passes the tests" criterion weighted by `coding.testsWeight`.
 */
export function gradingCriteria(question: Question): Criterion[] {
  if (!question.coding) return question.rubric;
  const testsCriterion: Criterion = {
    id: TESTS_CRITERION_ID,
    title: "Passes the tests",
    weight: question.coding.testsWeight,
    description: "The share of the question's tests (visible and hidden) the final code passes.",
    anchors: {
      "0": "Passes no test, or does not run.",
      "1": "Passes about a quarter of the tests.",
      "2": "Passes about half of the tests.",
      "3": "Passes about three quarters of the tests.",
      "4": "Passes every test.",
    },
    evidence: { concepts: [{ label: "tests", terms: ["(run by the sandbox)"] }], checks: [] },
    probes: [],
  };
  return [...question.rubric, testsCriterion];
}

export function scoreTests(evidence: TestEvidence | undefined, hasCode: boolean): CriterionScore {
  const base = { criterionId: TESTS_CRITERION_ID, source: "evidence" as const };
  if (!hasCode) return { ...base, score: 0, evidence: [], feedback: "No code was submitted.", insufficientEvidence: true };
  if (!evidence) return { ...base, score: 0, evidence: [], feedback: "The tests were not run.", insufficientEvidence: true };
  if ("notRun" in evidence)
    return { ...base, score: 0, evidence: [], feedback: `The tests could not be run: ${evidence.notRun}`, insufficientEvidence: true };
  const { report } = evidence;
  const rate = report.total === 0 ? 0 : report.passed / report.total;
  const failed = report.results.filter((r) => !r.passed);
  const visibleFailed = failed.filter((r) => r.visible).map((r) => r.name);
  const summary = `Passed ${report.passed} of ${report.total} tests (hidden: ${report.hiddenPassed} of ${report.hiddenTotal}) in ${report.language}.`;
  const detail = visibleFailed.length ? ` Failing visible tests: ${visibleFailed.join("; ")}.` : "";
  const stopped = report.status !== "ok" ? ` The run was stopped early (${report.status}).` : "";
  return {
    ...base,
    score: Math.round(4 * rate),
    evidence: [{ quote: summary, note: "test run" }],
    feedback: `${summary}${detail}${stopped}`,
    insufficientEvidence: false,
  };
}

/**
 * Run a coding answer's final code on the question's tests, or say why it was not run: no
 * sandbox (`noSandbox` says where), no version in the answer's language, or the run failed.
 * The interview and batch grading both read a coding answer this way.
 */
export async function runOnTests(
  question: Question,
  code: string,
  language: Language | undefined,
  run: ((language: Language) => Promise<TestReport>) | undefined,
  noSandbox: string,
): Promise<TestEvidence | undefined> {
  if (!question.coding || !code.trim()) return undefined;
  if (!run) return { notRun: noSandbox };
  const lang = language ?? (Object.keys(question.coding.entrypoint)[0] as Language);
  if (!question.coding.entrypoint[lang]) return { notRun: `this question has no ${lang} version` };
  try {
    return { report: await run(lang) };
  } catch (err) {
    return { notRun: (err as Error).message };
  }
}
