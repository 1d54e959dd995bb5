import { describe, expect, it } from "vitest";
import { gradeQuestion } from "../../server/grading/index.js";
import { reversedTerms } from "../../server/grading/poles.js";
import type { Pack } from "../../server/scenarios/index.js";
import { oneCriterionPack } from "../helpers/one-criterion.js";

/**
 * Key points that pair a condition with an outcome, written for these tests: the pairing is learnt
 * from the pack's labels, description and strong exemplar, not from a list of examples.
 */
const batch: Pack = oneCriterionPack({
  id: "batch-size",
  title: "Batch size and gradient noise",
  prompt: "How does the batch size affect the noise in the gradient estimate?",
  description: "A larger batch averages more examples, so the gradient is less noisy; a smaller batch gives noisier gradients.",
  concepts: [
    { label: "larger batch is less noisy", terms: ["less noisy", "smoother", "more stable"] },
    { label: "smaller batch is noisier", terms: ["noisier", "more noise", "more noisy"] },
  ],
  exemplars: [
    {
      level: "strong",
      answer:
        "A larger batch averages the gradient over more examples, so the estimate is smoother and less noisy; a smaller batch gives noisier gradients, which can help escape sharp minima.",
      score: 4,
    },
    { level: "weak", answer: "The batch size sets the number of epochs.", score: 0 },
  ],
});
const index: Pack = oneCriterionPack({
  id: "btree-index",
  title: "Why an index",
  prompt: "Why would you add a B-tree index instead of letting the database scan the table?",
  description: "A full table scan reads every row; an index lookup is faster, logarithmic in the table size.",
  concepts: [
    { label: "a scan reads every row", terms: ["every row", "linear", "full scan"] },
    { label: "an index lookup is faster", terms: ["faster", "logarithmic", "fewer reads"] },
  ],
  exemplars: [
    {
      level: "strong",
      answer:
        "A full table scan reads every row, which is slow on a big table. A B-tree index finds the rows in logarithmic time, so the lookup is much faster.",
      score: 4,
    },
    { level: "weak", answer: "Indexes make the table smaller.", score: 0 },
  ],
});

const grade = (pack: Pack, text: string) => gradeQuestion(pack.questions[0]!, [{ text }], { pack }).scores[0]!;
const earned = (pack: Pack, text: string) => grade(pack, text).evidence.map((e) => e.note);

describe("a condition paired crosswise with its outcome states the opposite", () => {
  it.each([
    "With a larger batch the gradient gets noisier, and with a smaller batch it is less noisy.",
    "If you use bigger batches you get noisier gradients, while smaller batches give you smoother ones.",
    "Increasing the batch size makes the gradient estimate noisier; reducing it makes the estimate more stable.",
  ])("%s", (text) => {
    const s = grade(batch, text);
    expect(s.evidence).toEqual([]);
    expect(s.score).toBe(0);
    expect(s.feedback).toContain("States the opposite of:");
  });

  it.each([
    "With a larger batch the gradient is less noisy, and with a smaller batch it is noisier.",
    "If you use bigger batches you get smoother gradients, while smaller batches give you noisier ones.",
    "Increasing the batch size makes the gradient estimate more stable; reducing it makes the estimate noisier.",
  ])("the right pairing keeps full credit: %s", (text) => {
    expect(earned(batch, text)).toEqual(["larger batch is less noisy", "smaller batch is noisier"]);
    expect(grade(batch, text).score).toBe(4);
  });

  it("both ends turned round say the same thing the other way ('a smaller batch is less stable' is no opposite)", () => {
    expect(grade(batch, "A smaller batch makes the gradient less stable.").feedback).not.toContain("opposite");
  });

  it("a right pairing then the crosswise one takes the point back", () => {
    const s = grade(batch, "A larger batch makes the gradient less noisy. Actually a larger batch makes it noisier.");
    expect(s.evidence).toEqual([]);
    expect(s.feedback).toContain("its opposite");
  });
});

describe("a term with a pole in it said the other way round", () => {
  it("'slower' against 'faster' said of the same thing is an opposite; said of the other thing it is not", () => {
    const wrong = grade(index, "An index lookup is slower than a full scan, which reads every row.");
    expect(wrong.feedback).toContain("States the opposite of: an index lookup is faster.");
    expect(wrong.score).toBeLessThan(3);
    const right = grade(index, "A full scan reads every row, so it is slow; an index lookup is faster, logarithmic in the rows.");
    expect(right.score).toBe(4);
    expect(right.feedback).not.toContain("opposite");
  });

  it("spells the other end in the term's own family", () => {
    expect(reversedTerms("faster")).toContain("slower");
    expect(reversedTerms("fewer bits")).toContain("more bits");
    expect(reversedTerms("smaller")).not.toContain("more");
    expect(reversedTerms("logarithmic")).toEqual([]);
  });
});
