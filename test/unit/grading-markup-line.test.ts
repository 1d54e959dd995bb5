import { describe, expect, it } from "vitest";
import { gradeQuestion } from "../../server/grading/index.js";
import { isMarkupLine } from "../../server/grading/language/markup-lines.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

// Session 23 (product13), an outside tester: a short correct answer under a line of markup ("## Answer") was
// "insufficient evidence", and under a bold label ("**Answer:**") it was set aside as pasted rubric.
const pack = loadPacksFromDir(BUILTIN_PACKS_DIR)[0]!;
const question = pack.questions.find((q) => q.id === "semantic-cache-support-bot")!;
const SENTENCE = "Account-specific questions must bypass the cache.";
const grade = (text: string) => gradeQuestion(question, [{ text }], { pack });

describe("a layout line over a short answer does not hide it", () => {
  const alone = grade(SENTENCE);

  it("grades the sentence alone as stating the cache design's exclusion (the baseline)", () => {
    expect(alone.scores[0]).toMatchObject({ criterionId: "cache-design", insufficientEvidence: false });
    expect(alone.scores[0]!.score).toBeGreaterThan(0);
  });

  for (const over of [
    "## Answer\n",
    "# Answer\n\n",
    "**Answer:**\n",
    "**Answer:**\n\n",
    "---\n",
    "<style>p{color:red}</style>\n",
    "Answer:\n",
  ])
    it(`grades it the same under ${JSON.stringify(over)}, unflagged`, () => {
      const graded = grade(over + SENTENCE);
      expect(graded.flags).toEqual([]);
      expect(graded.scores.map((s) => [s.criterionId, s.score, s.insufficientEvidence])).toEqual(
        alone.scores.map((s) => [s.criterionId, s.score, s.insufficientEvidence]),
      );
    });

  it("reads only layout as layout: a sentence in bold, an HTML paragraph and prose lines are words of the answer", () => {
    for (const line of [
      "## Answer",
      "### ",
      "**Answer:**",
      "_Approach_",
      "***",
      "- - -",
      "<br>",
      "<b>Answer</b>",
      "<style>p{color:red}</style>",
    ])
      expect(isMarkupLine(line), line).toBe(true);
    for (const line of [`**${SENTENCE}**`, `<p>${SENTENCE}</p>`, SENTENCE, "Answer", "- cache per locale", "x = a ** b"])
      expect(isMarkupLine(line), line).toBe(false);
  });
});
