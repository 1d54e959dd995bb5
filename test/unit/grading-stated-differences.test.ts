import { describe, expect, it } from "vitest";
import { statedFigures } from "../../server/grading/checks/figures.js";
import { statedDifferences } from "../../server/grading/checks/stated-differences.js";
import { gradeQuestion } from "../../server/grading/index.js";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";

const givens = statedFigures("1200 ms");
const verdicts = (text: string) => statedDifferences(text, givens).map((d) => d.correct);

describe("arithmetic stated in words between the figures of a sentence is checked", () => {
  it.each([
    "Total latency is 1,840 ms, 540 ms over the 1,200 ms budget.",
    "Total latency is 1,840 ms, 540 ms over budget.",
    "It comes to 1,840 ms, which exceeds the 1,200 ms target by 540 ms.",
    "1,840 ms is about 35% more than the 1,200 ms target.",
    "1,840 ms is about 2x the 1,200 ms target.",
    "It costs $66 a day, about $26 under the $80 a day budget.",
    "At $1,980 a month it is $380 over the $1,500 monthly budget.",
  ])("a wrong difference, excess or ratio: %s", (text) => {
    expect(verdicts(text)).toEqual([false]);
  });

  it.each([
    "Total latency is 1,840 ms, 640 ms over the 1,200 ms budget.",
    "Total latency is 1,840 ms, 640 ms over budget.",
    "It comes to 1,840 ms, which exceeds the 1,200 ms target by 640 ms.",
    "1,840 ms is about 53% more than the 1,200 ms target.",
    "1,840 ms is about 1.5x the 1,200 ms target.",
    "It costs $66 a day, about $14 under the $80 a day budget.",
    "At $1,980 a month it is $480 over the $1,500 monthly budget.",
    // A budget written without its period is read over the compared figure's period.
    "We spend $1,980 a month, $480 over the $1,500 budget.",
    // Rounded figures: the compared one's rounding carries into the difference.
    "The stages add up to ~1.8 s, about 0.6 s over the 1.2 s target.",
    "400 + 60 + 80 + 350 + 250 + 700 = 1,840 ms against 1,200 ms: 640 ms over.",
  ])("a right one: %s", (text) => {
    expect(verdicts(text)).toEqual([true]);
  });

  it.each([
    // Nothing compared, or nothing named to compare with: no claim to check.
    "We are 540 ms over the target.",
    "Caching makes it 2x faster.",
    "Recall went from 82% to 90%, 8% more than before.",
    "The rewrite takes 400 ms, the rerank 350 ms.",
    // "Over" a span of time is during it, not more than it (session 21: a right estimate reported as a wrong excess).
    "At $0.006 a minute that's $288 per day and $8,640 over 30 days.",
    "We spend $288 a day, about $8,640 over a month.",
    "It stores 2 GB a day, 60 GB over the next 30 days.",
    "It costs $50 over 24 hours.",
    // A product written as a calculation is arithmetic.ts's, not a ratio said in words.
    "Per request: 2,000 × $2.50/1M + 300 × $10/1M = $0.008, so 4,000 × $0.008 = $32 a day.",
  ])("no stated arithmetic: %s", (text) => {
    expect(verdicts(text)).toEqual([]);
  });
});

const [pack] = loadPacksFromDir("test/fixtures/packs/estimates");
const LATENCY = pack!.questions.find((q) => q.id === "search-latency-budget")!;
const COST = pack!.questions.find((q) => q.id === "assistant-token-cost")!;
const grade = (q: Question, text: string) => gradeQuestion(q, [{ text }], { pack: pack! }).scores[0]!;
const RESULT = /Covered [^)]*the result the question's figures give/;

describe("a right total next to a wrong derived figure does not earn the result", () => {
  it.each([
    "Adding up the stages, total latency is 1,840 ms, 540 ms over the 1,200 ms budget. Skip the rewrite and use a smaller reranker.",
    "The six stages in sequence come to 1,840 ms, which exceeds the 1,200 ms target by 740 ms; I'd skip the rewrite.",
    "400 + 60 + 80 + 350 + 250 + 700 = 1,840 ms, about 2x the 1,200 ms target, so overlap the embedding with the rewrite.",
  ])("%s", (text) => {
    const s = grade(LATENCY, text);
    expect(s.feedback).not.toMatch(RESULT);
    expect(s.score).toBeLessThanOrEqual(2);
  });

  it.each([
    "Adding up the stages, total latency is 1,840 ms, 640 ms over the 1,200 ms budget. Skip the rewrite and use a smaller reranker.",
    "The six stages in sequence come to 1,840 ms, which exceeds the 1,200 ms target by 640 ms; I'd skip the rewrite.",
    "400 + 60 + 80 + 350 + 250 + 700 = 1,840 ms, about 1.5x the 1,200 ms target, so overlap the embedding with the rewrite.",
  ])("a right one keeps it: %s", (text) => {
    const s = grade(LATENCY, text);
    expect(s.feedback).toMatch(RESULT);
    expect(s.score).toBeGreaterThanOrEqual(3);
  });

  it("a cost over a budget: a wrong excess caps, a right one does not", () => {
    const base = "Input: 12,000 × 9,000 = 108M tokens/day → $54/day. Output: 12,000 × 500 = 6M tokens → $12/day. ";
    expect(grade(COST, `${base}Total ≈ $66/day, $1,980 a month, $380 over a $1,500 monthly budget.`).feedback).not.toMatch(RESULT);
    expect(grade(COST, `${base}Total ≈ $66/day, $1,980 a month, $480 over a $1,500 monthly budget.`).feedback).toMatch(RESULT);
  });
});
