import { describe, expect, it } from "vitest";
import { gradeOne, oneCriterionPack } from "../helpers/one-criterion.js";

/**
 * A negation inside what a check examines names the failure the check looks for
 * (language/examined-absence.ts): "check that the answers don't hallucinate" states a
 * hallucination check. The candidate's own refusal and a contrast on the check's object stay denials.
 */
const pack = oneCriterionPack({
  prompt: "How would you evaluate a RAG assistant that answers from help-centre articles?",
  concepts: [
    { label: "groundedness", terms: ["hallucinat", "grounded", "faithful"] },
    { label: "retrieval recall", terms: ["recall@", "recall at"] },
  ],
  exemplars: [
    {
      level: "strong",
      answer:
        "Measure retrieval recall@5 on a labelled set, and check that answers are grounded in the retrieved articles, with an LLM judge for hallucination.",
      score: 4,
    },
  ],
});
const RECALL = "I'd measure recall@5 on a labelled set of questions.";
const stated = (text: string) => gradeOne(pack, `${RECALL} ${text}`).criterion.evidence.some((e) => e.note === "groundedness");

describe("a negation inside what a check examines", () => {
  it("states the failure the check looks for", () => {
    for (const text of [
      "Then check whether the generated answers are correct and don't hallucinate, with an LLM grading them.",
      "Then verify that the model never hallucinates citations.",
      "Then make sure the answers do not hallucinate.",
      "An LLM judge can flag answers that are not grounded in the retrieved text.",
      "We test that the assistant doesn't hallucinate when the article is missing.",
    ])
      expect(stated(text), text).toBe(true);
  });

  it("leaves the candidate's own refusal and a contrast on the check's object denied", () => {
    for (const text of [
      "Make sure we don't measure hallucination, it is too noisy.",
      "I would check recall, not hallucination.",
      "We don't check hallucination at all.",
      "The answers are not grounded, and that is fine.",
    ])
      expect(stated(text), text).toBe(false);
  });
});
