import { describe, expect, it } from "vitest";
import { gradeQuestion } from "../../server/grading/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";

const [pack] = loadPacksFromDir("test/fixtures/packs/diagnosis-fix");
const question = pack!.questions.find((q) => q.id === "expense-categories")!;
const diagnosis = (text: string) => gradeQuestion(question, [{ text }], { pack: pack! }).scores.find((s) => s.criterionId === "diagnosis")!;

// Audit 18: "List the labels in the prompt" was reported as stating the opposite of "label set not given", and the
// diagnosis scored 0. An order that supplies what the diagnosis says is missing is the fix, which agrees with it.
describe("a fix given as an order beside a diagnosis of something missing", () => {
  it("is not read as the opposite of the diagnosis", () => {
    for (const text of [
      "List the categories in the prompt and ask for one category name only.",
      "Then list the ledger's categories in the prompt, and accept unknown when nothing fits.",
    ]) {
      const s = diagnosis(text);
      expect(s.feedback, text).not.toMatch(/States the opposite of/);
    }
  });

  it("still reads a statement that the thing is there as the opposite", () => {
    const s = diagnosis("The prompt lists the categories clearly, so the model is simply making things up.");
    expect(s.feedback).toMatch(/States the opposite of: category list not given/);
  });
});
