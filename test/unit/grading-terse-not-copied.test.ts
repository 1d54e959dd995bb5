import { describe, expect, it } from "vitest";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import type { Pack } from "../../server/scenarios/index.js";
import { oneCriterionPack } from "../helpers/one-criterion.js";

/**
 * A short-answer question whose criterion description and model answer both state the
 * answer, as a hiring team writes them. A terse correct answer says the same thing in
 * nearly the same words: that is not a copy of the model answer or a pasted rubric.
 */
const ANSWER = "A hash map gives average constant-time lookup; a sorted array gives logarithmic lookup by binary search.";

const pack: Pack = oneCriterionPack({
  id: "lookup-cost",
  title: "Lookup cost",
  prompt: "How fast is a lookup in a hash map compared with a sorted array?",
  criterionTitle: "Both costs",
  description: ANSWER,
  anchors: { "0": "Wrong.", "1": "One cost, vaguely.", "2": "One cost.", "3": "Both, loosely.", "4": "Both costs." },
  concepts: [
    { label: "constant time", terms: ["constant", "o(1)"] },
    { label: "logarithmic", terms: ["logarithmic", "log n", "binary search"] },
  ],
  exemplars: [
    { level: "strong", answer: ANSWER, score: 4 },
    { level: "weak", answer: "Both are fast enough for most programs.", score: 0 },
  ],
});

function grade(text: string) {
  const q = pack.questions[0]!;
  const graded = gradeQuestion(q, [{ text }], { pack });
  return { score: questionScore(q.rubric, graded.scores), flags: graded.flags.map((f) => f.kind) };
}

describe("terse correct answers that coincide with the reference", () => {
  it("are graded, not flagged as copied or as pasted rubric", () => {
    for (const text of [
      "A hash map gives constant-time lookup; a sorted array gives logarithmic lookup by binary search.",
      "Hash map: constant time on average. Sorted array: logarithmic, by binary search.",
      "Constant time on average for the hash map, log n for the sorted array with binary search.",
    ]) {
      const graded = grade(text);
      expect(graded.flags, text).toEqual([]);
      expect(graded.score, text).toBeGreaterThanOrEqual(75);
    }
  });

  it("a long paste of the rubric is still caught", () => {
    const pasted = `${ANSWER} ${ANSWER.replace("A hash map", "Our hash map")} Both costs: constant time and logarithmic time.`;
    expect(grade(pasted).flags).not.toEqual([]);
  });
});
