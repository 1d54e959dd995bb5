import { describe, expect, it } from "vitest";
import { canonicalQuestion } from "../../server/grading/canonical-question.js";
import { gradeQuestion } from "../../server/grading/index.js";
import { questionTerms } from "../../server/grading/language/index.js";
import { loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

const [builtin] = loadPacksFromDir(BUILTIN_PACKS_DIR);
const json = JSON.stringify(builtin);
/** The pack library hands out a freshly parsed pack on every lookup, as here. */
const fresh = () => JSON.parse(json) as Pack;

describe("a question re-read from storage is graded through one canonical copy", () => {
  it("maps equal content to the first object seen, and different content to itself", () => {
    const a = fresh().questions[0]!;
    const b = fresh().questions[0]!;
    expect(b).not.toBe(a);
    expect(canonicalQuestion(b)).toBe(canonicalQuestion(a));
    const edited = { ...fresh().questions[0]!, prompt: `${a.prompt} (edited)` };
    expect(canonicalQuestion(edited)).toBe(edited);
  });

  it("so per-question readings (the term set) are computed once across fresh copies", () => {
    const first = canonicalQuestion(fresh().questions[1]!);
    const again = canonicalQuestion(fresh().questions[1]!);
    expect(questionTerms(again)).toBe(questionTerms(first));
  });

  it("grades a fresh copy exactly as the same object", () => {
    const same = fresh();
    for (const q of same.questions.slice(0, 6)) {
      const text = q.exemplars[0]!.answer;
      const body = q.kind === "coding" ? { code: text, language: "python" as const } : { text };
      const once = gradeQuestion(q, [body], { pack: same });
      const copy = fresh();
      const twice = gradeQuestion(
        copy.questions.find((x) => x.id === q.id)!,
        [body],
        { pack: copy },
      );
      expect(twice).toEqual(once);
    }
  });
});
