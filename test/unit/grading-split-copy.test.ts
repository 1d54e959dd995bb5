import { describe, expect, it } from "vitest";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

// A model answer cut into paragraphs of a sentence each, reordered: each piece was too short to call a copy, so the
// pieces left after the long ones went earned up to 94 (seen on the built-in pack, after outside audit 19's class
// summary named sentence-shuffled copies).
const pack = loadPacksFromDir(BUILTIN_PACKS_DIR)[0]!;
const grade = (id: string, text: string) => {
  const q = pack.questions.find((x) => x.id === id)!;
  const graded = gradeQuestion(q, [{ text }], { pack });
  return { score: questionScore(q.rubric, graded.scores), flags: graded.flags.map((f) => f.kind) };
};
const exemplar = (id: string, level: "strong" | "weak") =>
  pack.questions.find((x) => x.id === id)!.exemplars.find((e) => e.level === level)!.answer;
const sentences = (text: string) => text.trim().split(/(?<=[.!?])\s+/);
// A fixed reordering (every third sentence first, then the rest), so the case is the same on every run.
const reordered = (parts: string[]) => [...parts.filter((_, i) => i % 3 === 2), ...parts.filter((_, i) => i % 3 !== 2)];

describe("a model answer split into one-sentence paragraphs", () => {
  it.each(["calibrated-llm-judge-with-humans", "found-bad-training-data", "led-self-host-vs-api-decision"])(
    "%s: the pieces are a copy and earn no more than the weak exemplar",
    (id) => {
      const split = grade(id, reordered(sentences(exemplar(id, "strong"))).join("\n\n"));
      expect(split.flags).toContain("copied-model-answer");
      expect(split.score).toBeLessThanOrEqual(grade(id, exemplar(id, "weak")).score);
    },
  );

  it("one sentence that happens to match a model answer, among the candidate's own paragraphs, is no copy", () => {
    const id = "calibrated-llm-judge-with-humans";
    const one = sentences(exemplar(id, "strong"))[5]!; // ten words: too short to call a copy alone
    const text = [
      "We had a judge that liked longer answers, so I sampled 200 of its verdicts for two annotators to label blind.",
      one,
      "I then rewrote the judge prompt with a rubric per criterion and re-measured agreement on a fresh sample before trusting it again.",
    ].join("\n\n");
    expect(grade(id, text).flags).not.toContain("copied-model-answer");
  });
});
