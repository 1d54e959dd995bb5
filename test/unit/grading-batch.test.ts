import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gradeFile, gradeRow } from "../../server/cli/grade-batch.js";
import { gradeQuestion, gradingCriteria, questionScore } from "../../server/grading/index.js";
import { loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
const q = pack!.questions.find((x) => x.kind === "system-design")!;
const adequate = q.exemplars.find((e) => e.level === "adequate")!.answer;

describe("batch grading (cli grade --pack --answers)", () => {
  it("grades each row like the interview does and reports bad rows with stable codes, one line each", async () => {
    const dir = mkdtempSync(join(tmpdir(), "grade-batch-"));
    const file = join(dir, "answers.jsonl");
    const rows = [
      JSON.stringify({ id: "a1", questionId: q.id, text: adequate }),
      "",
      "{not json",
      JSON.stringify({ id: 7, questionId: "no-such-question", text: "hello" }),
      JSON.stringify({ id: "a3", questionId: q.id }),
      JSON.stringify({ id: "a4", questionId: q.id, text: "x".repeat(100_001) }),
    ];
    writeFileSync(file, rows.join("\n"));
    const out: string[] = [];
    const summary = await gradeFile(pack!, file, (line) => out.push(line));
    expect(summary).toEqual({ graded: 1, errors: 4 });
    const parsed = out.map((l) => JSON.parse(l));
    expect(parsed).toHaveLength(5);

    // The interview grades with the whole pack loaded: the same call gives the same score.
    const interview = gradeQuestion(q, [{ text: adequate }], { pack: JSON.parse(JSON.stringify(pack)) as Pack });
    expect(parsed[0]).toEqual({
      id: "a1",
      questionId: q.id,
      score: questionScore(gradingCriteria(q), interview.scores),
      criteria: interview.scores.map((s) => ({ criterionId: s.criterionId, score: s.score, insufficientEvidence: s.insufficientEvidence })),
      flags: interview.flags.map((f) => ({ kind: f.kind, message: f.message, quote: f.quote })),
    });
    expect(parsed.slice(1).map((r) => [r.line, r.error.code])).toEqual([
      [3, "invalid-json"],
      [4, "unknown-question"],
      [5, "invalid-row"],
      [6, "invalid-row"],
    ]);
    expect(parsed[2].id).toBe(7);
    for (const r of parsed.slice(1)) expect(r.error.message.length).toBeLessThanOrEqual(300);
  });

  it("a verbatim model answer grades the same from the CLI and in an interview, and earns nothing", () => {
    const strong = q.exemplars.find((e) => e.level === "strong")!.answer;
    const row = gradeRow(pack!, JSON.stringify({ id: 1, questionId: q.id, text: strong }), 1);
    const interview = gradeQuestion(q, [{ text: strong }], { pack: JSON.parse(JSON.stringify(pack)) as Pack });
    expect("score" in row && row.score).toBe(questionScore(gradingCriteria(q), interview.scores));
    expect("score" in row && row.score).toBe(0);
    expect("flags" in row && row.flags.map((f) => f.kind)).toContain("copied-model-answer");
  });
});
