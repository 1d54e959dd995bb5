import { describe, expect, it } from "vitest";
import { gradeOne, oneCriterionPack } from "../helpers/one-criterion.js";

// A key point named, then turned down through a word that refers back to it (referred-turn-down.ts), earns
// nothing, and the words it shares with the reference lift nothing.
const pack = oneCriterionPack({
  prompt: "How would you improve the answer quality and the cost of a support chatbot built on retrieval?",
  concepts: [
    { label: "rerank the retrieved passages", terms: ["reranker", "rerank"] },
    { label: "cache repeated questions", terms: ["cache", "caching"] },
    { label: "guardrail model on outputs", terms: ["guardrail model", "guardrail"] },
    { label: "evaluation set", terms: ["evaluation set", "golden set"] },
  ],
  exemplars: [
    {
      level: "strong",
      score: 4,
      answer:
        "Add a cross-encoder reranker over the top 50 retrieved passages so the best ones reach the prompt. Cache answers to repeated questions to cut cost. Put a guardrail model on the outputs to block unsafe replies. Gate releases on an evaluation set.",
    },
    { level: "weak", score: 1, answer: "Use a bigger model." },
  ],
});

const STATED = "Answers to repeated questions can be served from a cache keyed by the normalised question.";
const share = (feedback: string) => /States (\d+)% of the reference/.exec(feedback)?.[1];
const earned = (text: string) => gradeOne(pack, text).criterion.evidence.map((e) => e.note);

describe("a point turned down through a pronoun or a demonstrative earns nothing", () => {
  it.each([
    ["A reranker would help with precision, but it adds latency, so skip it.", "rerank the retrieved passages"],
    ["A guardrail model on the outputs is an option; we won't need that.", "guardrail model on outputs"],
    ["Some teams add a guardrail model on the outputs. We don't do this.", "guardrail model on outputs"],
    ["We looked at a reranker for the retrieved passages. I wouldn't add it.", "rerank the retrieved passages"],
    ["A reranker over the retrieved passages? Not worth it.", "rerank the retrieved passages"],
    ["A reranker over the retrieved passages is slow, and it's not worth it.", "rerank the retrieved passages"],
    ["A reranker would sharpen the retrieved passages; skip it for now.", "rerank the retrieved passages"],
    ["We could add a guardrail model on the outputs, but we won't.", "guardrail model on outputs"],
    ["A guardrail model on the outputs? We won't bother.", "guardrail model on outputs"],
    ["Some teams add a guardrail model on the outputs; that's overkill for us.", "guardrail model on outputs"],
  ])("%s", (turnedDown, label) => {
    const { criterion } = gradeOne(pack, `${STATED} ${turnedDown}`);
    expect(criterion.evidence.map((e) => e.note)).toEqual(["cache repeated questions"]);
    expect(criterion.feedback).toContain(`Named only to turn it down: ${label}.`);
    expect(criterion.score).toBe(1);
    expect(criterion.feedback).not.toContain("raises this");
    // The naming and the refusal add nothing to the share of the reference stated.
    expect(share(criterion.feedback)).toBe(share(gradeOne(pack, STATED).criterion.feedback));
  });

  it("reads back to the nearest clause that names something, in its sentence or the one before, no further", () => {
    const nearest = earned(
      "Answers to repeated questions come from a cache. The prompt lists the policies. A reranker would help with precision; we won't need it.",
    );
    expect(nearest).toContain("cache repeated questions");
    expect(nearest).not.toContain("rerank the retrieved passages");
    // Two sentences back is out of reach: the point stands.
    expect(earned(`A reranker over the retrieved passages helps precision. It is slow. We won't need it. ${STATED}`)).toContain(
      "rerank the retrieved passages",
    );
  });
});

describe("a point taken up, or turned down only in some cases, keeps its credit", () => {
  it.each([
    "We considered a reranker over the retrieved passages and kept it, because precision went up.",
    "A reranker over the retrieved passages helps; do it first.",
    "A guardrail model on the outputs blocks unsafe replies, but it adds latency, so skip it only for internal tools.",
    "A reranker over the retrieved passages adds latency, but we can't skip it.",
    "A reranker over the retrieved passages helps. If latency is tight, skip it.",
    "A guardrail model checks the outputs; we don't run it on internal traffic.",
    "A reranker over the retrieved passages helps; you don't need it to be perfect.",
    "A reranker over the retrieved passages puts the best ones first. It is not worth it to tune the retriever further.",
    "A reranker over the retrieved passages helps on product questions; skip it for those about billing.",
    // Turning down a refusal takes the thing up.
    "Some teams skip the evaluation set, but we don't.",
    "Some teams skip the evaluation set. We don't do this.",
  ])("%s", (text) => {
    const { criterion } = gradeOne(pack, `${STATED} ${text}`);
    expect(criterion.feedback).not.toContain("turn it down");
    expect(criterion.evidence.length).toBe(2);
  });
});
