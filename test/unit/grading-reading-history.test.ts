import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyseOnce } from "../../server/grading/language/analyse.js";

/**
 * wink-nlp adds every word it does not ship with to its lookup table as it reads, and its tokenizer finds a
 * stretch of text whole when the table holds it: after reading "main's." once, "Then main's fixes ran." was cut
 * "main's" instead of "main" + "'s" for the rest of the process, so a grade depended on what the same worker had
 * graded before. A reading must be the same whatever was read before it.
 */
const A = "Then main's fixes ran, and the on-call's pager stayed quiet (p95 120ms).";
/** Texts that, read first, changed A's reading: the possessive whole, before a full stop or in quotes. */
const TEACHERS = ["main's.", "'main's'", "on-call's.", "120ms.", "A branch called main's."];

const read = (text: string) => JSON.stringify(analyseOnce(text));

describe("an English reading does not depend on what the process read before", () => {
  // The first reading in this file is the fresh process's reading (vitest gives each file its own modules).
  const fresh = read(A);

  it("reads A the same after each text that once taught wink a word", () => {
    for (const teacher of TEACHERS) {
      read(teacher);
      expect(read(A), teacher).toBe(fresh);
    }
  });

  it("reads a long document the same twice in one process", () => {
    // The paragraphs of the project's history that say "main's": the text where the dependence was found.
    const doc = readFileSync("docs/grading-history.md", "utf8")
      .split("\n\n")
      .filter((p) => p.includes("main's"))
      .join("\n\n");
    const first = read(doc);
    read(A);
    expect(read(doc)).toBe(first);
    expect(read(A)).toBe(fresh);
  });
});
