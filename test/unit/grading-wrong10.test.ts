import { describe, expect, it } from "vitest";
import { statedMisconceptions } from "../../server/grading/misconceptions.js";
import { loadPackDir } from "../../server/scenarios/index.js";

/**
 * Session 20 (`wrong10`): a written-down misconception is dodged only by a negation of its own clause. (The branch's
 * reader of the references' denials was not shipped: it lowered agreement on the public sets; docs/session20-wrong10.md.)
 */
const NONE = new Set<number>();

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
