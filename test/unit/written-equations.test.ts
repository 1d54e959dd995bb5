import { describe, expect, it } from "vitest";
import { writtenEquations } from "../../server/grading/checks/index.js";

const only = (text: string) => {
  const found = writtenEquations(text);
  expect(found, text).toHaveLength(1);
  return found[0]!;
};

describe("the calculations written in an answer", () => {
  it("reads token prices per million with standard precedence", () => {
    const eq = only("2,000 × $2.50/1M + 400 × $10/1M = $0.009.");
    expect(eq.operands).toEqual([2000, 2.5, 1e6, 400, 10, 1e6]);
    expect(eq.computed).toBeCloseTo(0.009, 9);
    expect(eq.correct).toBe(true);
  });

  it("applies * before + and honours parentheses", () => {
    const [plain, grouped] = writtenEquations("10 + 2 * 3 = 16; (10 + 2) * 3 = 36.");
    expect(plain).toMatchObject({ computed: 16, stated: 16, correct: true });
    expect(grouped).toMatchObject({ computed: 36, stated: 36, correct: true });
    expect(only("5 * (2 + 3) * 2 = 50").computed).toBe(50);
  });

  it("reads a spaced minus after a number, ASCII or typographic", () => {
    expect(only("100 - 20 - 30 = 50.")).toMatchObject({ operands: [100, 20, 30], computed: 50, correct: true });
    expect(only("12 ÷ 4 − 1 = 2")).toMatchObject({ computed: 2, correct: true });
    expect(only("3 - 1 = 5")).toMatchObject({ computed: 2, stated: 5, correct: false });
  });

  it("scales k / M / billion suffixes and reads 'comes to'", () => {
    expect(only("1M requests × 2k tokens = 2B tokens").computed).toBe(2e9);
    expect(only("Cost: 300k queries * 1.5k tokens per million * $3 comes to $1,350.")).toMatchObject({
      computed: 1350,
      stated: 1350,
      correct: true,
    });
  });

  it("marks a wrong result; a rounding is allowed to its last significant digit (at most 10%), or 2% (4% after ≈)", () => {
    expect(only("We need 40 × 30 = 2,000 GPU hours.")).toMatchObject({ computed: 1200, stated: 2000, correct: false });
    // A sum of exact figures stated 100 short is a slip, not a rounding, however close in share.
    expect(only("400 + 60 + 80 + 350 + 250 + 700 = 1740 ms.")).toMatchObject({ computed: 1840, stated: 1740, correct: false });
    expect(only("so 3 x 4 = 13.")).toMatchObject({ computed: 12, correct: false });
    expect(only("400 + 60 + 80 + 350 + 250 + 700 ≈ 1,800 ms.")).toMatchObject({ computed: 1840, correct: true });
    expect(only("12,000 × 9,000 ≈ 110M tokens a day.")).toMatchObject({ computed: 108e6, correct: true });
    expect(only("4,000 × $0.067 = $268 a day.")).toMatchObject({ correct: true });
    expect(only("So 50 / 12 = 4.2 GPUs.")).toMatchObject({ correct: true });
  });

  it("reads a chain's middle expression as its stated result, and operators and relations in words", () => {
    expect(writtenEquations("12,000 × $2.50/1M + 800 × $10/1M = $0.03 + $0.008 = $0.038.").every((e) => e.correct)).toBe(true);
    expect(only("12000 requests times 9000 tokens is 108000000 tokens a day.")).toMatchObject({ computed: 108e6, correct: true });
    expect(only("54 plus 12, which comes to 66 dollars.")).toMatchObject({ computed: 66, correct: true });
    expect(only("1980 minus 1620 gives 360.")).toMatchObject({ computed: 360, correct: true });
  });

  it("a price with its per-1M is no calculation of its own, and a plain 'is' without one is no equation", () => {
    expect(writtenEquations("At $0.50 per 1M tokens, that's $54 a day.")).toEqual([]);
    expect(writtenEquations("The total latency is 1,840 ms and the budget is 1,200 ms.")).toEqual([]);
  });

  it("skips what is not a well-formed calculation: division by zero, an unclosed parenthesis, a lone number", () => {
    expect(writtenEquations("10 / 0 + 5 = 5.")).toEqual([]);
    expect(writtenEquations("(3 + 4 = 7.")).toEqual([]);
    expect(writtenEquations("Latency is about 300 ms.")).toEqual([]);
  });

  // Session 21: "× 60" is the candidate converting hours to minutes; read in minutes again it was a slip of 2,880,000.
  it("reads a calculation that converts a time unit by hand in the result's unit", () => {
    expect(only("800 h × 60 = 48,000 min")).toMatchObject({ computed: 48000, correct: true });
    expect(only("It runs 90,000 s / 3,600 = 25 hours")).toMatchObject({ computed: 25, correct: true });
    // The factor the wrong way round is no hand conversion: still a slip.
    expect(only("800 h / 60 = 48,000 min").correct).toBe(false);
    expect(only("It runs 90,000 s / 3,600 = 25 minutes").correct).toBe(false);
  });

  // Audit 18: a 13B-parameter model's weights were reported as a slip of 2.6e-8 GB (B read as bytes).
  it("reads a B beside a figure in bytes as billions, and numbers in scientific notation", () => {
    expect(only("Weights are 13B x 2 bytes = 26 GB.")).toMatchObject({ computed: 26e9, correct: true });
    expect(only("Weights are 13e9 x 2 bytes = 26 GB.")).toMatchObject({ computed: 26e9, correct: true });
    expect(only("Weights are 13B x 2 bytes = 52 GB.").correct).toBe(false);
    // Where no figure names bytes, a B before a result in bytes is still bytes per value.
    expect(only("60M × 768 × 4 B ≈ 184 GB float32.").correct).toBe(true);
  });
});
