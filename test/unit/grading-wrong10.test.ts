import { describe, expect, it } from "vitest";
import { gradeQuestion } from "../../server/grading/index.js";
import { deniedClaimsStated, referenceDenials } from "../../server/grading/reference-denials.js";
import { statedMisconceptions } from "../../server/grading/misconceptions.js";
import { loadPackDir, loadPacksFromDir } from "../../server/scenarios/index.js";

/** Session 20 (`wrong10`): wrong claims read from a pack that writes no misconceptions down. */

const pack = loadPackDir("test/fixtures/wrong10").pack;
const question = (id: string) => pack.questions.find((q) => q.id === id)!;
const NONE = new Set<number>();

describe("a denial of the references stated without its negation", () => {
  const streaming = question("streaming-latency");
  const criterion = streaming.rubric[0]!;
  const score = (text: string) => gradeQuestion(streaming, [{ text }], { pack }).scores[0]!;

  it("reads the denials of the description and the strong exemplar", () => {
    expect(referenceDenials(streaming, criterion)).toContainEqual({ denied: ["model", "generate", "faster"], subject: [] });
  });

  it("caps the criterion at 1 and quotes the answer's sentence, not the reference", () => {
    const s = score(
      "Streaming makes the model generate faster, so the last token arrives sooner. The time to first token drops and users see text right away.",
    );
    expect(s.score).toBeLessThanOrEqual(1);
    expect(s.feedback).toContain('States what the reference answer denies: "Streaming makes the model generate faster');
    expect(s.feedback).not.toContain("does not make");
  });

  it("a negation in the claim's own clause keeps the right answer whole", () => {
    const text =
      "Streaming does not make the model generate faster: the time to first token drops, but the total time to the last token and the cost stay the same.";
    expect(deniedClaimsStated(criterion, streaming, text, NONE)).toEqual([]);
    expect(score(text).score).toBeGreaterThanOrEqual(2);
  });

  it("a negation in another clause does not turn the claim down", () => {
    const text = "Streaming makes the model generate faster, not cheaper.";
    expect(deniedClaimsStated(criterion, streaming, text, NONE)).toHaveLength(1);
  });

  it("a sentence calling the claim a myth refutes it", () => {
    expect(deniedClaimsStated(criterion, streaming, "It is a myth that streaming makes the model generate faster.", NONE)).toEqual([]);
  });

  it("is not read on a diagnosis, whose references deny things of the broken system", () => {
    const builtin = loadPacksFromDir("scenarios").find((p) => p.id === "ai-engineer")!;
    const debugging = builtin.questions.find((q) => q.kind === "prompt-debugging")!;
    for (const c of debugging.rubric)
      expect(deniedClaimsStated(c, debugging, debugging.exemplars[0]!.answer.replace(/\bnot\b|n't\b|\bnever\b/g, ""), NONE)).toEqual([]);
  });

  it("reads a 20,000-character hostile answer in linear time", () => {
    const words = "streaming makes the model generate faster and ";
    const long = words.repeat(Math.ceil(20_000 / words.length));
    const started = performance.now();
    deniedClaimsStated(criterion, streaming, long, NONE);
    const once = performance.now() - started;
    const start2 = performance.now();
    deniedClaimsStated(criterion, streaming, long + long, NONE);
    const twice = performance.now() - start2;
    // Reading twice the text must cost about twice the time, not four times (and the first run paid the analysis).
    expect(twice).toBeLessThan(Math.max(4 * once, 3_000));
  }, 120_000);
});

describe("a known misconception is dodged only by a negation of its own clause", () => {
  const wrong9 = loadPackDir("test/fixtures/wrong9").pack;
  const lora = wrong9.questions.find((q) => q.id === "lora-gpu-budget")!;
  const evaluation = lora.rubric.find((c) => c.id === "evaluation")!;
  const stated = (text: string) => statedMisconceptions(evaluation, lora, text, NONE);

  it("'X, not Y' where X is the misconception states X", () => {
    expect(stated("A validation split wastes data, not compute, so we skip it.")).toHaveLength(1);
  });

  it("a negation before the misconception in its clause turns it down", () => {
    expect(stated("It is not the case that a validation split wastes data.")).toEqual([]);
  });
});
