import { describe, expect, it } from "vitest";
import { gradeQuestion } from "../../server/grading/index.js";
import { oneCriterionPack, type KeyPoint } from "../helpers/one-criterion.js";

// A key point that is an absence ("no output schema") is stated by saying the thing is missing, whatever the words:
// an outside tester's "the prompt has no output schema" earned nothing where "lacks an output schema" earned the point.
const covered = (concepts: KeyPoint[], answer: string) => {
  const pack = oneCriterionPack({
    prompt: "Our extraction prompt returns broken JSON about one time in ten. What is wrong with it?",
    concepts,
    exemplars: [
      {
        level: "strong",
        answer: "The prompt gives no output schema and no rule for missing fields, so the model improvises the shape.",
        score: 4,
      },
      { level: "weak", answer: "The model is bad at JSON; switch to a bigger one.", score: 0 },
    ],
  });
  const q = pack.questions[0]!;
  return gradeQuestion(q, [{ text: answer }], { pack }).scores[0]!.evidence.map((e) => e.note);
};

describe("a key point that is an absence", () => {
  const schema = [{ label: "no output schema", terms: ["json schema", "schema"] }];
  it.each([
    "It is a prompt fault: the prompt has no output schema.",
    "There is no JSON schema in the prompt, so the model guesses the shape.",
    "The prompt lacks an output schema.",
  ])("is stated by the missing thing said as missing: %s", (answer) => {
    expect(covered(schema, answer)).toContain("no output schema");
  });

  it("a means of avoiding something is still not stated by its negation", () => {
    const avoid = [{ label: "avoids recomputation", terms: ["cache"] }];
    expect(covered(avoid, "We do not cache anything; every request recomputes the embedding from scratch.")).not.toContain(
      "avoids recomputation",
    );
  });
});
