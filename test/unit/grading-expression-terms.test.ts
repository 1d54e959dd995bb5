import { describe, expect, it } from "vitest";
import { findTerm } from "../../server/grading/match.js";
import { analyse, lemmaTermPositions } from "../../server/grading/language/index.js";
import { gradeOne, oneCriterionPack } from "../helpers/one-criterion.js";

/**
 * A term found inside a larger expression that changes its value is not the term
 * (language/expression.ts): "log n" in "O(n log n)", "O(n" in "O(n^2)", "10" in "100".
 */
const found = (text: string, term: string) =>
  findTerm(text.toLowerCase(), term) >= 0 || lemmaTermPositions(analyse(text), term).positions.length > 0;

describe("a term inside a larger expression", () => {
  it("is not the term when an operand, operator or factor extends it", () => {
    for (const [text, term] of <[string, string][]>[
      ["It is O(n log n).", "log n"],
      ["It runs in O(log log n).", "log n"],
      ["It costs n log n comparisons.", "log n"],
      ["It is O(n^2).", "O(n)"],
      ["It is O(n log n).", "O(n)"],
      ["It is O(n²).", "O(n)"],
      ["It is TP/(TP+FP+FN).", "TP/(TP+FP)"],
      ["Recall is TP / (TP + FN).", "TP / (TP + FP)"],
      ["The timeout is 100 ms.", "10 ms"],
      ["The timeout is 0.10 ms.", "10 ms"],
      ["The timeout is 10.5 ms.", "10 ms"],
    ])
      expect(found(text, term), `${term} in ${text}`).toBe(false);
  });

  it("keeps ordinary prose matches", () => {
    for (const [text, term] of <[string, string][]>[
      ["It takes log n time.", "log n"],
      ["Lookup is in O(log n).", "log n"],
      ["A search takes a log n number of steps.", "log n"],
      ["It is O(n) time.", "O(n)"],
      ["Precision is TP/(TP+FP).", "TP/(TP+FP)"],
      ["The timeout is 10 ms, then it falls through.", "10 ms"],
      ["A client/server model.", "server"],
      ["The TCP/IP stack.", "TCP"],
      ["A mix of capitalism + command economy.", "command"],
      ["The diameter shrinks to 300 m.", "m."],
    ])
      expect(found(text, term), `${term} in ${text}`).toBe(true);
  });

  it("leaves code alone, where operators are everywhere", () => {
    expect(findTerm("retries = retries + 1", "retries", { code: true })).toBe(0);
    expect(findTerm("delay = base * 2 ** attempt", "base", { code: true })).toBe(8);
  });

  it("earns no key point in the grader", () => {
    const pack = oneCriterionPack({
      prompt: "What is the time complexity of binary search?",
      concepts: [{ label: "logarithmic", terms: ["O(log n)", "log n"] }],
      exemplars: [{ level: "strong", answer: "Binary search runs in O(log n), since every comparison halves the range.", score: 4 }],
    });
    for (const text of ["Binary search runs in O(n log n).", "It runs in O(log log n), since every comparison halves the range."])
      expect(gradeOne(pack, text).criterion.evidence, text).toEqual([]);
    expect(gradeOne(pack, "Binary search runs in O(log n).").criterion.evidence.map((e) => e.note)).toEqual(["logarithmic"]);
  });
});
