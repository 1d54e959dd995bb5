import { describe, expect, it } from "vitest";
import { loadPacksFromDir, type Pack, type Question } from "../../server/scenarios/index.js";
import { ConceptSchema } from "../../server/scenarios/schema.js";
import { gradeQuestion, unphrasedPoints } from "../../server/grading/index.js";
import { cli } from "../helpers/cli.js";

// A key point's own plain phrasings ("also said as", `plain` in a rubric concept; session 18, branch `plain7`),
// on the session 17 held-apart pack, whose early-stopping point names no concept of the domain lexicon.
const pack = loadPacksFromDir("test/fixtures/packs/plain6")[0]!;
const overfitting = pack.questions.find((q) => q.id === "classifier-overfitting")!;

/** The question with the `plain` phrasings of every key point taken out: what the grader read before. */
function withoutPhrasings(q: Question): Question {
  const copy = structuredClone(q);
  for (const c of copy.rubric) for (const k of c.evidence.concepts) delete k.plain;
  return copy;
}
const packWith = (q: Question): Pack => ({ ...pack, questions: pack.questions.map((x) => (x.id === q.id ? q : x)) });
const remedies = (q: Question, text: string) => {
  const g = gradeQuestion(q, [{ text }], { pack: packWith(q) });
  return g.scores.find((s) => s.criterionId === "remedies")!;
};

const PLAIN =
  "The model is memorising the training tickets. I would stop the fine-tuning run as soon as the validation loss " +
  "stops going down, and keep the weights from the round that scored best.";

describe("a key point stated in the pack's own plain phrasings", () => {
  it("meets the point in everyday words that name none of its terms", () => {
    expect(remedies(overfitting, PLAIN).feedback).toMatch(/early stopping/i);
    expect(remedies(overfitting, PLAIN).score).toBeGreaterThan(remedies(withoutPhrasings(overfitting), PLAIN).score);
  });

  it("does not meet it when the phrasing is denied", () => {
    const denied = "The model is memorising the training tickets. We never stop the fine-tuning run when the validation loss rises.";
    expect(remedies(overfitting, denied).score).toBe(remedies(withoutPhrasings(overfitting), denied).score);
  });
});

describe("the pack format's plain phrasings", () => {
  it("refuses a one-word phrasing (a term) and takes a phrase", () => {
    expect(ConceptSchema.safeParse({ label: "early stopping", terms: ["early stopping"], plain: ["halt"] }).success).toBe(false);
    expect(ConceptSchema.safeParse({ label: "early stopping", terms: ["early stopping"], plain: ["stop train* when"] }).success).toBe(true);
  });
});

describe("the authoring aid (calibrate): key points with no plain phrasing", () => {
  it("lists a point with neither the pack's phrasings nor a lexicon concept, and not one with either", () => {
    const listed = (q: Question) =>
      unphrasedPoints(packWith(q))
        .points.filter((p) => p.questionId === q.id)
        .map((p) => p.label);
    expect(listed(overfitting)).not.toContain("early stopping");
    expect(listed(withoutPhrasings(overfitting))).toEqual(expect.arrayContaining(["early stopping", "lower learning rate"]));
    // "dropout" and "weight decay" name the lexicon's regularisation concept: phrased without the pack's help.
    expect(listed(withoutPhrasings(overfitting))).not.toContain("regularisation");
  });
});

describe("calibrate --phrasings", () => {
  it("counts the unphrased key points and lists them by question only when asked", async () => {
    const listed = await cli(["calibrate", "test/fixtures/packs/template6", "--phrasings"]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/key points with no plain phrasing: 1 of 10 \(10%\)/);
    expect(listed.stdout).toContain("  receipt-extraction-cost: levers: image downscaling");
    const counted = await cli(["calibrate", "test/fixtures/packs/template6"]);
    expect(counted.stdout).toContain("--phrasings lists them.");
    expect(counted.stdout).not.toContain("levers: image downscaling");
  }, 180_000);
});
