import { describe, expect, it } from "vitest";
import { loadPackDir } from "../../server/scenarios/index.js";
import { gradeQuestion } from "../../server/grading/index.js";

// A key point's own word that a small pack's anchors repeat (session 19, branch `plain8`): "space" of "vectors not
// comparable" (term "different vector space") is said at three levels of the anchors and the strong answer, which in
// the question's few sentences made it a topic word, so a plain answer saying it ("a different space") met nothing.
// The pack (test/fixtures/plain8, written as a team would, no `plain:` phrasings) is the held-apart rows' pack; these
// sentences are not its rows.
const pack = loadPackDir("test/fixtures/plain8").pack;
const swap = pack.questions.find((q) => q.id === "embedding-model-swap")!;
const migration = (text: string) => gradeQuestion(swap, [{ text }], { pack }).scores.find((s) => s.criterionId === "migration")!;

describe("a key point stated in plain words on a small pack without phrasings", () => {
  it("meets the point with its own word the anchors repeat", () => {
    const plain = "The new model puts text in a different space from the old one, so every chunk has to be turned into a vector again.";
    const graded = migration(plain);
    expect(graded.feedback).toMatch(/Covered 1 of 4 key points \(vectors not comparable\)/);
    expect(graded.score).toBeGreaterThanOrEqual(1);
  });

  it("does not meet it when the answer says the opposite", () => {
    const wrong = "The new model places every passage in the same space as the old one, so nothing has to be rebuilt.";
    expect(migration(wrong).feedback).not.toMatch(/vectors not comparable\)/);
    expect(migration(wrong).score).toBe(0);
  });
});
