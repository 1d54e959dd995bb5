import { describe, expect, it } from "vitest";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { codeWithoutProseStrings } from "../../server/grading/code-text.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);

/**
 * Code earns evidence by what it does. A string literal of several words is a message or
 * data: rubric words put in one ("NOTES = '... jitter retry-after ...'") earn nothing,
 * while short literals that are the code doing the thing ("retry-after", "429") still count.
 */
describe("rubric words inside string literals of a program", () => {
  it("empties only literals of three or more words, reading literals left to right", () => {
    expect(codeWithoutProseStrings(`NOTES = "backoff with jitter and retry-after"\nif r.headers.get("retry-after"): pass`)).toBe(
      `NOTES = ""\nif r.headers.get("retry-after"): pass`,
    );
    expect(codeWithoutProseStrings(`s = "it's fine" + 'two words'`)).toBe(`s = "it's fine" + 'two words'`);
    expect(codeWithoutProseStrings("const m = `retry ${n} of ${max}`; const h = 'Retry-After';")).toBe(
      "const m = ``; const h = 'Retry-After';",
    );
  });

  it("a program that only carries the rubric's words in strings scores no higher than the weak exemplar", () => {
    for (const q of pack!.questions.filter((x) => x.coding)) {
      const terms = q.rubric.flatMap((c) => c.evidence.concepts.flatMap((k) => k.terms));
      const weak = q.exemplars.find((e) => e.level === "weak")!;
      const graded = (code: string, exemplar?: string) =>
        questionScore(q.rubric, gradeQuestion(q, [{ code, language: "python" }], { pack, gradingExemplar: exemplar }).scores);
      const weakScore = graded(weak.answer, weak.answer);
      const stuffed = [
        `NOTES = ${JSON.stringify(terms.join(" "))}`,
        `TOPICS = {${terms.map((t, i) => `"k${i}": ${JSON.stringify(`covers ${t} fully here`)}`).join(", ")}}`,
        "def solve(*args, **kwargs):",
        "    return None",
      ].join("\n");
      expect(graded(stuffed), q.id).toBeLessThanOrEqual(weakScore);
    }
  });
});
