import { describe, expect, it } from "vitest";
import { gradeQuestion } from "../../server/grading/index.js";
import { CriterionSchema, loadPacksFromDir, PackSchema } from "../../server/scenarios/index.js";

// A behavioural criterion can be scored by its computed checks alone (a story's result is the `result` check):
// a pack author should not have to invent concepts to get past validation.
const builtin = loadPacksFromDir("scenarios")[0]!;
const story = builtin.questions.find((q) => q.id === "llm-failure-in-front-of-users")!;

const checksOnly = PackSchema.parse({
  ...builtin,
  questions: [
    {
      ...story,
      rubric: story.rubric.map((c) => (c.id === "result" ? { ...c, evidence: { checks: ["result"] } } : c)),
    },
  ],
  rounds: [{ id: "behavioural", kind: "behavioural", title: "Behavioural", minutes: 10 }],
});
const question = checksOnly.questions[0]!;

const resultScore = (text: string) =>
  gradeQuestion(question, [{ text }], { pack: checksOnly }).scores.find((s) => s.criterionId === "result")!;

describe("a criterion scored by checks alone", () => {
  it("loads without concepts, and the strong story's result outscores the weak one's", () => {
    expect(question.rubric.find((c) => c.id === "result")!.evidence.concepts).toEqual([]);
    // Own stories, not the exemplars (an exemplar graded against its own pack is a copy and earns nothing).
    const strong =
      "Last spring I owned the support chatbot at a small insurer; in a live demo to our sales team it quoted a refund policy we " +
      "never had. I switched the bot to a fallback answer that afternoon, traced the bad quote to a stale policy document in the " +
      "index, and added a nightly check that removes superseded documents. Afterwards wrong policy answers on our 150-question " +
      "test set dropped from 9% to 1% within two weeks, and sales stopped reporting them.";
    const weak = "We had a chatbot that sometimes gave wrong answers. The team fixed the prompt and it was better after that.";
    expect(resultScore(strong).score).toBeGreaterThan(resultScore(weak).score);
    expect(resultScore(strong).score).toBe(4);
    expect(resultScore(strong).feedback).toContain("STAR result");
    expect(resultScore(weak).score).toBe(0);
  });

  it("still refuses a criterion with neither concepts nor checks, naming what is missing", () => {
    const criterion = story.rubric[0]!;
    const parsed = CriterionSchema.safeParse({ ...criterion, evidence: { concepts: [], checks: [] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toContain("at least one concept or check");
    expect(parsed.error!.issues[0]!.path).toEqual(["evidence", "concepts"]);
  });
});
