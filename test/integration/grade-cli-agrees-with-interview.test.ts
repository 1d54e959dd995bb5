import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CriterionScore } from "../../server/contracts/index.js";
import { answerBody, TESTS_CRITERION_ID } from "../../server/grading/index.js";
import { loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import { cli } from "../helpers/cli.js";
import { graphHarness } from "../helpers/graph-harness.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

// Session 23 (product13), an outside tester: `cli grade` on a coding question answered in prose, no code, read
// nothing (the file given with --code, as the help shows for coding), while the interview credited the same words.

const QUESTION = "llm-retry-backoff";
const PROSE = [
  "I would loop up to max_attempts times calling send().",
  "On a 429 or 5xx response or a TimeoutError, sleep rand() * min(max_delay, base_delay * 2 ** k) and retry.",
  "If Retry-After is present, sleep max(delay, retry_after).",
  "Any other status raises RetryError immediately; when attempts run out raise RetryError(last).",
].join("\n");

const rubricScores = (scores: { criterionId: string; score: number | null }[]) =>
  scores.filter((s) => s.criterionId !== TESTS_CRITERION_ID).map((s) => [s.criterionId, s.score]);

function onlyQuestion(): Pack {
  const pack = loadPacksFromDir(BUILTIN_PACKS_DIR)[0]!;
  const question = pack.questions.find((q) => q.id === QUESTION)!;
  return { ...pack, rounds: [{ ...pack.rounds.find((r) => r.kind === "coding")!, pick: 1, questions: [QUESTION] }], questions: [question] };
}

/** The interview's grade of the prose as the candidate's written answer (the session ended at the follow-up). */
async function interviewGrade(): Promise<CriterionScore[]> {
  const h = graphHarness(onlyQuestion());
  await h.start();
  await h.resume({ type: "submit", turnId: QUESTION, text: PROSE });
  const waiting = h.awaiting()!;
  if (waiting.questionId !== QUESTION) await h.resume({ type: "end", turnId: waiting.questionId });
  return h.grades.get(QUESTION)!;
}

describe("cli grade and the interview grade a prose answer to a coding question alike", () => {
  it("credits the prose in the CLI whether given as text or with --code, as the interview does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "prose-code-"));
    const file = join(dir, "answer.txt");
    writeFileSync(file, `${PROSE}\n`);
    const asText = await cli(["grade", "--question", `ai-engineer#${QUESTION}`, "--answer-file", file]);
    const asCode = await cli(["grade", "--question", `ai-engineer#${QUESTION}`, "--answer-file", file, "--code", "--language", "python"]);
    expect(asText.code, asText.stderr).toBe(0);
    expect(asCode.code, asCode.stderr).toBe(0);
    const interview = rubricScores(await interviewGrade());
    // The prose states key points: the interview credits it, and so does the CLI, on every criterion alike.
    expect(interview.some(([, score]) => (score as number) >= 3)).toBe(true);
    expect(rubricScores(JSON.parse(asText.stdout).scores)).toEqual(interview);
    expect(rubricScores(JSON.parse(asCode.stdout).scores)).toEqual(interview);
  });

  it("the batch grader agrees too, for a row with the prose in `code`", async () => {
    const dir = mkdtempSync(join(tmpdir(), "prose-code-"));
    const rows = join(dir, "rows.jsonl");
    writeFileSync(
      rows,
      `${JSON.stringify({ id: 1, questionId: QUESTION, code: PROSE })}\n${JSON.stringify({ id: 2, questionId: QUESTION, text: PROSE })}\n`,
    );
    const r = await cli(["grade", "--pack", "ai-engineer", "--answers", rows]);
    const [asCode, asText] = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { criteria: { criterionId: string; score: number | null }[] });
    expect(rubricScores(asCode!.criteria)).toEqual(rubricScores(asText!.criteria));
    expect(rubricScores(asText!.criteria)).toEqual(rubricScores(await interviewGrade()));
  });

  it("builds one body for both paths: blank parts dropped, nothing written is no answer", () => {
    expect(answerBody({ text: "  ", code: "x = 1", language: "python" })).toEqual({ code: "x = 1", language: "python" });
    expect(answerBody({ text: "Because.", code: "\n" })).toEqual({ text: "Because." });
    expect(answerBody({ text: " ", code: "" })).toBeNull();
  });
});
