import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EvalItem } from "../types.js";

/**
 * Powergrading (Basu, Jacobs and Vanderwende, TACL 2013; Microsoft Research): 20 US
 * citizenship-test questions, 698 respondents, each answer marked correct (1) or not (0) by
 * three graders (G1, G2, G3), and an answer key listing the acceptable answers. Read from two
 * tab-separated exports of the published spreadsheets (docs/grading.md says how to make them):
 * answers.tsv (student, Q#, answer, G1, G2, G3, with a header row) and questions.tsv (Q#,
 * Question, then one acceptable answer per column, with a header row).
 * G1 is the label and G2 the second human (for human-human agreement), both as 4 × mark;
 * rows marked -1 (not graded) are left out.
 * Split by question, so that error analysis never sees the questions it is measured on:
 * odd Q# are the tuning half (read for error analysis), even Q# the test half (never read).
 * Until session 7 the set was never used for tuning at all.
 */
export function loadPowergrading(dir: string): EvalItem[] {
  const rows = (file: string) =>
    readFileSync(join(dir, file), "utf8")
      .split("\n")
      .slice(1)
      .filter((l) => l.trim())
      .map((l) => l.split("\t"));
  const questions = new Map(rows("questions.tsv").map(([id, question, ...answers]) => [id!, { question: question!, answers }]));
  const items: EvalItem[] = [];
  for (const [, qid, answer, g1, g2] of rows("answers.tsv")) {
    const q = questions.get(qid!);
    const label = Number(g1);
    const second = Number(g2);
    // -1: not graded (half the rows; the other half carry all three marks).
    if (!q || answer === undefined || g1 === "" || !(label === 0 || label === 1)) continue;
    items.push({
      questionId: qid!,
      question: q.question,
      references: q.answers.map((a) => a.trim()).filter(Boolean),
      answer,
      label: 4 * label,
      ...(second === 0 || second === 1 ? { secondLabel: 4 * second } : {}),
      split: Number(qid) % 2 === 1 ? "tuning" : "test",
    });
  }
  return items;
}
