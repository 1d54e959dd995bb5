import { describe, expect, it } from "vitest";
import type { AnswerBody, TestReport } from "../../server/contracts/index.js";
import { gradeQuestion, withTestRun, type TestEvidence } from "../../server/grading/index.js";
import { miniPack } from "../helpers/packs.js";

const pack = miniPack();
const retry = pack.questions.find((q) => q.id === "retry")!;
const prose = pack.questions.find((q) => q.id === "rag-basics")!;
const CODE =
  "def call_with_retry(send):\n    for attempt in range(5):\n        status = send()\n        if status != 429:\n            return status\n    return status\n";
const report = (passed: number): TestReport =>
  ({ language: "python", status: "ok", passed, total: 2, hiddenPassed: passed, hiddenTotal: 1, results: [] }) as unknown as TestReport;

describe("withTestRun: the follow-up decision's grade (read before any test run) with the run put in", () => {
  const cases: [string, (AnswerBody | null)[], TestEvidence | undefined][] = [
    ["a run that passed every test", [{ code: CODE, language: "python" }], { report: report(2) }],
    ["a run that passed half", [{ text: "Exponential backoff with jitter.", code: CODE, language: "python" }], { report: report(1) }],
    ["no sandbox", [{ code: CODE, language: "python" }], { notRun: "no code sandbox is configured on this server" }],
    ["no code at all", [{ text: "I would retry with exponential backoff and jitter." }], undefined],
    ["nothing answered", [null], undefined],
  ];
  it.each(cases)("is the grade with the run: %s", (_, answers, tests) => {
    const decided = gradeQuestion(retry, answers, { pack });
    expect(withTestRun(retry, answers, decided, tests)).toEqual(gradeQuestion(retry, answers, { pack, tests }));
  });

  it("leaves a question without tests as it was graded", () => {
    const answers = [{ text: "Chunk by headings, embed, index." }];
    const decided = gradeQuestion(prose, answers, { pack });
    expect(withTestRun(prose, answers, decided, undefined)).toBe(decided);
  });
});
