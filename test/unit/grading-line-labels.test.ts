import { describe, expect, it } from "vitest";
import { labelWords } from "../../server/grading/language/line-labels.js";

/** The pattern labelWords reads in one pass (it was quadratic in a long word). */
const byPattern = (text: string) => new Set([...text.matchAll(/([A-Za-z][\w-]*)\W{0,3}:/g)].map((m) => m[1]!.toLowerCase()));

describe("the words that label a line", () => {
  it("are the words before a colon, past up to three other characters", () => {
    expect([...labelWords("**Trust:** the team; Action -: retry. time: 3 ok:: x-y--:")]).toEqual([
      "trust",
      "action",
      "time",
      "ok",
      "x-y--",
    ]);
    expect([...labelWords("no label here, 3: nor here ....: x")]).toEqual([]);
  });

  it("are the pattern's, on 3,000 random texts over its characters", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ["a", "Z", "q", "1", "_", "-", ":", ":", " ", ".", "*", "é", "\n", "!"];
    for (let n = 0; n < 3000; n++) {
      const length = 1 + Math.floor(random() * 24);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]!).join("");
      expect([...labelWords(text)]).toEqual([...byPattern(text)]);
    }
  });

  it("reads a 250,000-character word with no colon at once (the pattern took minutes: past the suite's hang limit)", () => {
    expect([...labelWords("cache".repeat(50_000))]).toEqual([]);
    expect([...labelWords(`${"cache".repeat(50_000)} Action: retry`)]).toEqual(["action"]);
  });
});
