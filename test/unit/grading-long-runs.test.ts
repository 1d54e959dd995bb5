import { describe, expect, it } from "vitest";
import { analyse, breakLongRuns } from "../../server/grading/language/analyse.js";

/**
 * A candidate's answer may hold a long run without spaces (base64, a hash, "aaaa…"). The
 * tokenizer's pattern tests take time quadratic in a token's length, so runs are broken
 * before reading; words and their offsets are untouched.
 */
describe("reading an answer with long unbroken runs", () => {
  it("breaks every run longer than a word into pieces, keeping the text's length and every ordinary word", () => {
    const run = "QUFB".repeat(500);
    const text = `TCP retransmits lost segments. ${run} UDP does not.`;
    const readable = breakLongRuns(text);
    expect(readable).toHaveLength(text.length);
    expect(Math.max(...readable.split(/\s+/).map((w) => w.length))).toBeLessThanOrEqual(48);
    expect(readable.startsWith("TCP retransmits lost segments. ")).toBe(true);
    expect(readable.endsWith(" UDP does not.")).toBe(true);
    expect(breakLongRuns("ordinary words, https://example.com/a/b and retry-after")).toBe(
      "ordinary words, https://example.com/a/b and retry-after",
    );
  });

  it("token offsets still point at the words of the original answer", () => {
    const text = `${"x".repeat(3000)} The cache keeps answers for an hour.`;
    const a = analyse(text);
    const cache = a.tokens.find((t) => t.word === "cache")!;
    expect(text.slice(cache.at, cache.at + 5)).toBe("cache");
    expect(a.sentences.at(-1)!.text).toContain("The cache keeps answers for an hour.");
  });
});
