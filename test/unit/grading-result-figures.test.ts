import { describe, expect, it } from "vitest";
import { criterionTargets, sameFigure, statedFigures } from "../../server/grading/checks/figures.js";
import { readNumberWords } from "../../server/grading/checks/number-words.js";
import { gradeQuestion } from "../../server/grading/index.js";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";

// Two estimation questions whose exemplars derive the right figures: $66 a day / $1,980 a month (input $54 a day
// plus output $12), and 400 + 60 + 80 + 350 + 250 + 700 = 1,840 ms, 640 ms over a 1,200 ms target.
const [pack] = loadPacksFromDir("test/fixtures/packs/estimates");
const question = (id: string): Question => pack!.questions.find((q) => q.id === id)!;
const COST = question("assistant-token-cost");
const LATENCY = question("search-latency-budget");
const grade = (q: Question, text: string) => gradeQuestion(q, [{ text }], { pack: pack! }).scores[0]!;
const resultCheck = (q: Question, text: string) => grade(q, text).feedback;

describe("number words are read as figures where they are quantities", () => {
  it("reads scales, compounds, 'and', decimals, halves and money words", () => {
    expect(readNumberWords("a hundred and eight million tokens")).toBe("108000000 tokens");
    expect(readNumberWords("fifty-four dollars a day")).toBe("$54 a day");
    expect(readNumberWords("at fifty cents per million")).toBe("at $0.5 per million");
    expect(readNumberWords("one point two seconds")).toBe("1.2 seconds");
    expect(readNumberWords("half a million requests")).toBe("500000 requests");
    expect(readNumberWords("sixteen hundred and twenty dollars a month")).toBe("$1620 a month");
    expect(readNumberWords("twelve thousand requests times nine thousand tokens")).toBe("12000 requests times 9000 tokens");
    expect(readNumberWords("one and a half million tokens")).toBe("1500000 tokens");
  });

  it("leaves ordinary words alone: 'one of the', 'a second look', 'a few', a run that is no number", () => {
    for (const text of [
      "This is one of the options.",
      "Give it a second look.",
      "One thing I would do is cache.",
      "We tried two approaches and one worked.",
      "I have a hundred reasons, half of them weak.",
      "She said one two three into the microphone.",
    ])
      expect(readNumberWords(text), text).toBe(text);
  });
});

describe("stated figures convert units", () => {
  const one = (text: string) => statedFigures(text)[0]!;
  it("seconds and milliseconds, k / M / B, cents and dollars, per day and per month", () => {
    expect(sameFigure(one("1.84 seconds"), one("1,840 ms"))).toBe(true);
    expect(sameFigure(one("0.64 s"), one("640 ms"))).toBe(true);
    expect(sameFigure(one("108M tokens"), one("108,000,000 tokens"))).toBe(true);
    expect(sameFigure(one("$66 a day"), one("$1,980 a month"))).toBe(true);
    expect(sameFigure(one("$2k/month"), one("$1,980 a month"))).toBe(true);
    expect(sameFigure(one("50 cents"), one("$0.50"))).toBe(true);
  });
  it("a different figure, dimension or period is not the same figure", () => {
    expect(sameFigure(one("1,740 ms"), one("1,840 ms"))).toBe(false);
    expect(sameFigure(one("$1,620 a month"), one("$1,980 a month"))).toBe(false);
    expect(sameFigure(one("1,840 tokens"), one("1,840 ms"))).toBe(false);
    expect(sameFigure(one("$66 a month"), one("$66 a day"))).toBe(false);
    expect(sameFigure(one("$0.067 per call"), one("$0.067 a day"))).toBe(false);
  });
});

describe("the targets are the exemplars' results, not their steps", () => {
  it("a total is the target; its parts and operands are steps", () => {
    const t = criterionTargets(COST, COST.rubric[0]!);
    expect(t.finals.map((f) => f.text)).toEqual(["$66 a day", "$1,980 a month"]);
    expect(t.steps.map((f) => f.text)).toContain("$54 a day");
    expect(criterionTargets(LATENCY, LATENCY.rubric[0]!).finals.map((f) => f.text)).toContain("640 ms");
  });
});

describe("a wrong result earns its right steps, never the level that says 'right total'", () => {
  it.each([
    "12,000 × 9,000 = 108M input tokens a day. At $0.50 per 1K tokens that's $54,000 a day. Output is small.",
    "12,000 × 9,000 = 108M tokens; priced per thousand at $0.50 the input comes to $54,000 a day and output to $12,000.",
    "Input is 12,000 × 9,000 = 108M tokens a day, so with $0.50 per 1K that is $1.6M a month of input and output.",
  ])("a unit slip (per 1K for per 1M): %s", (text) => {
    const s = grade(COST, text);
    expect(s.score).toBeLessThanOrEqual(2);
    expect(s.feedback).toContain("a worked estimate from the question's figures");
    expect(s.feedback).not.toMatch(/Covered [^)]*the result the question's figures give/);
  });

  it.each([
    "Input: 12,000 × 9,000 = 108M input tokens a day, × $0.50/1M = $54 a day, so $54 × 30 = $1,620 a month in total.",
    "Input tokens are 108M a day at $0.50 per 1M, that's $54 a day; the total is $1,620 a month.",
  ])("a forgotten component (the output): %s", (text) => {
    const s = grade(COST, text);
    expect(s.score).toBeLessThanOrEqual(2);
    expect(s.feedback).toContain("is a step on the way, not the result");
  });

  it.each([
    "Adding up the stages: 400 + 60 + 80 + 350 + 250 + 700 = 1740 ms, so we are 540 ms over the target. I'd run stages in parallel.",
    "In sequence: 400 + 60 + 80 + 350 + 250 + 700 = 1,940 ms, which is 740 ms over, so skip the rewrite.",
    "The stages add up to 1,640 ms, so it is 440 ms over budget; overlap the embedding with the rewrite.",
  ])("a wrong sum or overrun: %s", (text) => {
    const s = grade(LATENCY, text);
    expect(s.score).toBeLessThanOrEqual(2);
    expect(s.feedback).not.toContain("Level 3: Right total and overrun");
  });
});

describe("a right result in any wording earns the result", () => {
  it.each([
    "Twelve thousand requests times nine thousand input tokens is a hundred and eight million tokens a day; at fifty cents per million that's fifty-four dollars a day. The output adds six million tokens at two dollars per million, twelve dollars a day, so sixty-six dollars a day or about nineteen hundred and eighty dollars a month. Prompt caching would cut the input side.",
    "Input: 12,000 × 9,000 = 108M tokens/day → $54/day. Output: 12,000 × 500 = 6M tokens → $12/day. Total ≈ $66/day ≈ $2k/month.",
    "It costs about $66 a day in total, input and output together: 108M input tokens at $0.50 per 1M is $54 and 6M output tokens at $2 per 1M is $12.",
  ])("cost: %s", (text) => {
    const s = grade(COST, text);
    expect(s.feedback).toMatch(/Covered [^)]*the result the question's figures give/);
    expect(s.score).toBeGreaterThanOrEqual(3);
  });

  it.each([
    "All six stages in sequence come to about 1.84 seconds, so roughly 0.64 s too slow. Skip the rewrite and use a smaller reranker.",
    "Adding up the stages gives one point eight four seconds, six hundred and forty milliseconds over budget; I'd skip the rewrite.",
    "400 + 60 + 80 + 350 + 250 + 700 = 1,840 ms against 1,200 ms: 640 ms over. Overlap the embedding with the rewrite.",
  ])("latency: %s", (text) => {
    const s = grade(LATENCY, text);
    expect(s.feedback).toMatch(/Covered [^)]*the result the question's figures give/);
    expect(s.score).toBeGreaterThanOrEqual(3);
  });

  it("a rounding to the last digit written is the result (~1.8 s for 1,840 ms)", () => {
    const s = grade(
      LATENCY,
      "The stages add up to ~1.8 s, about 0.6 s over the 1.2 s target, so the rewrite has to go or run in parallel.",
    );
    expect(s.feedback).toMatch(/Covered [^)]*the result the question's figures give/);
  });

  it("figures listed without being stated as results state no result", () => {
    expect(resultCheck(COST, "$54 a day $12 a day $66 a day $1,980 a month input output")).not.toMatch(
      /Covered [^)]*the result the question's figures give/,
    );
  });

  it("a question whose exemplars derive no figure leaves the result out of the score", () => {
    const mini = loadPacksFromDir("test/fixtures/packs/mini")[0]!.questions.find((q) => q.id === "cost-estimate")!;
    expect(criterionTargets(mini, mini.rubric[0]!).finals).toEqual([]);
  });
});
