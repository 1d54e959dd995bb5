import { describe, expect, it } from "vitest";
import { checkQuantitative } from "../../server/grading/checks/quantitative.js";
import { analyse, claimSentences } from "../../server/grading/language/index.js";
import type { Figure } from "../../server/scenarios/index.js";

/** A question's figures: 3M calls a month, 800 input tokens each, $0.25 per 1M input tokens. */
const FIGURES: Figure[] = [
  { id: "calls", label: "Calls per month", value: 3_000_000, unit: "calls/month" },
  { id: "tokens", label: "Input tokens per call", value: 800, unit: "tokens" },
  { id: "price", label: "Input price", value: 0.25, unit: "USD per 1M tokens" },
];

describe("a worked estimate may start from what the figures make", () => {
  it("a first step written as its result (3M × 800 × $0.25 per 1M = $600) starts from the figures", () => {
    const check = checkQuantitative("Input is $600 a month, so $600 + $150 = $750 with the output.", FIGURES);
    expect(check.passed).toBe(true);
    expect(check.note).toContain("750");
  });

  it("the figures themselves still ground a calculation, and a slip is still a slip", () => {
    expect(checkQuantitative("3,000,000 × 800 = 2,400,000,000 tokens a month.", FIGURES).passed).toBe(true);
    const slip = checkQuantitative("3,000,000 × 800 = 2,000,000,000 tokens a month.", FIGURES);
    expect(slip.passed).toBe(false);
    expect(slip.note).toContain("arithmetic slip");
  });

  it("arithmetic on numbers the figures cannot make does not start from them", () => {
    const check = checkQuantitative("37 + 5 = 42.", FIGURES);
    expect(check.passed).toBe(false);
    expect(check.note).toContain("do not start from the question's figures");
  });
});

describe("a terse estimate is a claim, however many of its words the rubric names", () => {
  // Every figure and most words are rubric terms: the note is terse, not stuffed.
  const terms = new Set(["600", "150", "750", "input", "output", "stream", "cap", "tokens", "trim", "cache", "prompt"]);
  const isTerm = (w: string) => terms.has(w);
  it("figures joined by + and = and a clause of fixes after a semicolon", () => {
    const text = "$600 input + $150 output = $750/month; stream, cap output tokens, trim and cache the prompt.";
    expect(claimSentences(analyse(text), isTerm).size).toBe(1);
  });
  it("the same density of named terms without figures is still stuffing", () => {
    const text = "Stream input tokens, cache output tokens, trim prompt tokens, cap input, cache prompt, stream output tokens.";
    expect(claimSentences(analyse(text), isTerm).size).toBe(0);
  });
});
