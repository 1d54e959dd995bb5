import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { statedAsResult } from "../../server/grading/checks/result-position.js";
import { statedFigures } from "../../server/grading/checks/figures.js";
import { totalsAt } from "../../server/grading/checks/stated-totals.js";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { glossaryLine } from "../../server/grading/language/term-glossary.js";
import { loadPacksFromDir, type Pack, type Question } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";
import type { GamingRow as Row } from "../../scripts/eval/gaming-rows.js";

/**
 * Session 16 (branch `template6`): buzzword templates, term lists appended to a weak answer, and cost figures read
 * by the words around them. Fixtures: test/fixtures/template6/; only `tune.yaml` is asserted here (`held.yaml` is the
 * held-apart check, reported in docs/session16-template6.md via scripts/eval/template6.ts).
 */
const packs: Record<string, Pack> = {
  builtin: loadPacksFromDir(BUILTIN_PACKS_DIR).find((p) => p.id === "ai-engineer")!,
  template6: loadPacksFromDir("test/fixtures/packs/template6")[0]!,
  estimates: loadPacksFromDir("test/fixtures/packs/estimates")[0]!,
};
const rows = parse(readFileSync(new URL("../fixtures/template6/tune.yaml", import.meta.url), "utf8")) as Row[];
const question = (r: Row): Question => packs[r.pack]!.questions.find((q) => q.id === r.questionId)!;
const graded = (r: Row, text: string, exemplar = false) =>
  gradeQuestion(question(r), [{ text }], { pack: packs[r.pack]!, ...(exemplar ? { gradingExemplar: text } : {}) });
const score = (r: Row, text: string, exemplar = false) => questionScore(question(r).rubric, graded(r, text, exemplar).scores);
const weak = (r: Row) => score(r, question(r).exemplars.find((e) => e.level === "weak")!.answer, true);

describe("cost figures read by the words around them", () => {
  const at = (text: string, figure: string) => statedFigures(text).find((f) => f.text.startsWith(figure))!;
  it("a figure marked as the result after it, or the total of its neighbours, is a result", () => {
    for (const [text, figure] of [
      ["$960 for the input, $480 for the output, $1,440 to be exact.", "$1,440"],
      ["USD 96 for input and USD 48 for output, USD 144 in total per month.", "USD 144"],
      ["Input 960M tokens ($960) and output 120M tokens ($480): $1,440 a month.", "$1,440"],
      ["The bill is high: $1,440 ($960 input, $480 output).", "$1,440"],
      ["It works out at $3,200 a month.", "$3,200"],
    ] as const)
      expect(statedAsResult(text, at(text, figure)), text).toBe(true);
  });
  it("a figure listed among others, or a sum that does not add up, is not", () => {
    expect(statedAsResult("We have $960 for input and $480 for output.", at("We have $960 for input and $480 for output.", "$960"))).toBe(
      false,
    );
    expect([...totalsAt("Input $1,200, output $480, and $2,000 of headroom.")]).toEqual([]);
    // Figures of another kind between the parts do not break the sum: tokens and dollars are read apart.
    expect(totalsAt("Input 960M tokens ($960) and output 120M tokens ($48): $1,008 a month.").size).toBe(1);
  });
});

describe("glossary lines", () => {
  it.each([
    "Key terms: chunking, embeddings, reranking",
    "**Keywords:** a, b, c",
    "Concepts covered: x, y",
    "Relevant concepts — x, y",
    "Summary of keywords: a, b",
  ])("a list labelled as terms: %s", (text) => expect(glossaryLine(text)).toBe(true));
  it.each([
    "Chunking: by headings; Retrieval: hybrid BM25 + dense",
    "Per call span: trace id, prompt version, model",
    "Terminate the pod when idle.",
  ])("not a glossary: %s", (text) => expect(glossaryLine(text)).toBe(false));
});

describe("the tuning fixtures (test/fixtures/template6/tune.yaml)", () => {
  it.each(rows.map((r) => [r.id, r] as const))(
    "%s holds its label",
    (_id, r) => {
      const g = graded(r, r.answer);
      const s = questionScore(question(r).rubric, g.scores);
      if (r.kind === "buzzword") expect(s).toBeLessThanOrEqual(weak(r));
      else if (r.kind === "appended") expect(s).toBeLessThanOrEqual(Math.max(score(r, r.without!), weak(r)));
      else if (r.kind === "honest") {
        expect(s).toBeGreaterThanOrEqual(r.min!);
        expect(g.flags).toEqual([]);
      } else {
        const level = g.scores.find((c) => c.criterionId === r.criterion)!.score;
        if (r.kind === "wrong-numbers") expect(level).toBeLessThanOrEqual(r.maxLevel!);
        else expect(level).toBeGreaterThanOrEqual(r.minLevel!);
      }
    },
    60_000,
  );
});
