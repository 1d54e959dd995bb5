import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gradeQuestion } from "../../server/grading/index.js";
import { defaultVariantPack, loadPacksFromDir } from "../../server/scenarios/index.js";

const pack = defaultVariantPack(loadPacksFromDir("scenarios")[0]!);
/** Each letter moved `k` places along the alphabet, as a Caesar cipher does. */
const shifted = (text: string, k: number) =>
  text.replace(/[a-z]/gi, (c) => {
    const base = c <= "Z" ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + k) % 26) + base);
  });
const rows = parse(readFileSync(new URL("../fixtures/calibration/system-design.yaml", import.meta.url), "utf8")) as {
  questionId: string;
  answer: string;
}[];

describe("an answer in a cipher the grader cannot read (outside tester, session 21)", () => {
  it.each([1, 3, 13])("shifted by %i: not graded as unreadable, never named a keyword list", (k) => {
    for (const row of rows.slice(0, 4)) {
      const question = pack.questions.find((q) => q.id === row.questionId)!;
      const grade = gradeQuestion(question, [{ text: shifted(row.answer, k) }], { pack });
      expect(grade.scores.map((s) => s.notGraded)).toEqual(grade.scores.map(() => "unreadable"));
      expect(grade.scores.every((s) => s.score === 0 && s.insufficientEvidence)).toBe(true);
      expect(grade.flags.map((f) => f.kind)).not.toContain("keyword-list");
      // The same answer unshifted is read and graded.
      const plain = gradeQuestion(question, [{ text: row.answer }], { pack });
      expect(plain.scores.some((s) => s.notGraded)).toBe(false);
    }
  });

  it("terse and plain-words English answers are read, whatever their jargon", () => {
    const files = ["terse/terse-notes.yaml", "terse/set-answers.yaml", "plain6/held.yaml", "plain6/tune.yaml"];
    let read = 0;
    for (const file of files) {
      for (const row of parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), "utf8")) as {
        questionId: string;
        answer?: string;
      }[]) {
        const question = pack.questions.find((q) => q.id === row.questionId);
        if (!question || !row.answer) continue;
        const grade = gradeQuestion(question, [{ text: row.answer }], { pack });
        expect(
          grade.scores.filter((s) => s.notGraded === "unreadable"),
          `${file} ${row.questionId}`,
        ).toEqual([]);
        read++;
      }
    }
    expect(read).toBeGreaterThan(20);
  });
});
