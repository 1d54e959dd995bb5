import { describe, expect, it } from "vitest";
import { writtenEquations } from "../../server/grading/checks/index.js";

/**
 * A figure in the words before a calculation is no operand of it: "an 8,192-token sequence needs 8,192 x 524 KB =
 * 43 GB" was read as "8192 8192 x 524 KB", no expression, so a result 10 times off went unchecked (outside audit 15).
 */
describe("the calculation that ends a left side", () => {
  it("is read after a figure in words, and its slip is found", () => {
    const [step] = writtenEquations("An 8,192-token sequence needs 8,192 x 524 KB = 43 GB.");
    expect(step).toMatchObject({ computed: 8192 * 524e3, stated: 43e9, correct: false, operands: [8192, 524e3] });
  });
  it("a right one is right", () => {
    const [step] = writtenEquations("A 1,700-token request holds 1,700 x 128 KB = 218 MB of cache.");
    expect(step).toMatchObject({ correct: true, operands: [1700, 128e3] });
  });
  it("two figures that no operator joins are still no calculation", () => {
    expect(writtenEquations("We saw 3 4 = 7 in the logs.")).toEqual([]);
  });
});
