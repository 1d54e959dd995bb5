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

  it("marks a wrong result beyond the 12% estimate tolerance, and allows one inside it", () => {
    expect(only("We need 40 × 30 = 2,000 GPU hours.")).toMatchObject({ computed: 1200, stated: 2000, correct: false });
    expect(only("so 3 x 4 = 13.")).toMatchObject({ computed: 12, correct: true });
  });

  it("skips what is not a well-formed calculation: division by zero, an unclosed parenthesis, a lone number", () => {
    expect(writtenEquations("10 / 0 + 5 = 5.")).toEqual([]);
    expect(writtenEquations("(3 + 4 = 7.")).toEqual([]);
    expect(writtenEquations("Latency is about 300 ms.")).toEqual([]);
  });
});
