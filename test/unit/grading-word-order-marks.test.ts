import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { scrambleReading, scrambledWordOrder } from "../../server/grading/language/word-order.js";
import { listItemMarks, readMarks } from "../../server/grading/language/word-order-marks.js";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

/**
 * Session 21 (`shuffle11`): the class order of word-order.ts missed shuffles of answers full of figures, of terse notes,
 * of half an answer's sentences and of short list items. The marks a shuffle moves (word-order-marks.ts) catch them.
 * The rows are test/fixtures/shuffle11: honest answers written for the built-in pack and fixed shuffles of them.
 */
type Row = { id: string; questionId: string; style: string; split: string; kind?: string; answer: string };
const read = (file: string) => parse(readFileSync(new URL(`../fixtures/shuffle11/${file}`, import.meta.url), "utf8")) as Row[];
const honest = read("honest.yaml");
const shuffles = read("shuffles.yaml");
const pack = loadPacksFromDir(BUILTIN_PACKS_DIR).find((p) => p.id === "ai-engineer")!;
const question = (id: string): Question => pack.questions.find((q) => q.id === id)!;
const grade = (q: Question, text: string, exemplar?: string) => {
  const g = gradeQuestion(q, [{ text }], { pack, gradingExemplar: exemplar });
  return { score: questionScore(q.rubric, g.scores), kinds: g.flags.map((f) => f.kind) };
};

describe("the marks a shuffle moves", () => {
  it("reads openers inside sentences, full stops before lower-case words, and units by their figures", () => {
    const honestMarks = readMarks(
      "The cache holds 275 sequences. We need 5 GPUs at 12 req/s each. That costs USD 96 for 960M input tokens.",
    );
    expect(honestMarks).toMatchObject({ displacedOpeners: 0, brokenClosers: 0, endsOpen: false });
    expect(honestMarks.unitsByFigure).toBe(honestMarks.units);
    const moved = readMarks("holds The cache 275 sequences. need GPUs we. at 12 each ms req/s GB 5 tokens");
    expect(moved.displacedOpeners).toBe(1);
    expect(moved.brokenClosers).toBe(2);
    expect(moved.endsOpen).toBe(true);
    expect(moved.unitsByFigure).toBeLessThan(moved.units);
  });

  it("no honest answer of the held rows reads as a shuffle, whatever its style", () => {
    expect(new Set(honest.map((r) => r.style)).size).toBe(8);
    expect(honest.filter((r) => scrambledWordOrder(r.answer)).map((r) => r.id)).toEqual([]);
  });

  it("honest texts that carry one mark alone stay: lower case after full stops, units without figures, lists of names", () => {
    // A student who writes no capitals after a full stop (Beetle's style), in English order.
    expect(
      scrambleReading(
        "bulb b is in the same path as bulb c but bulb a is only in its own path. if either bulb b or c goes out then both go out. switch x was closed",
      ),
    ).toBeNull();
    expect(
      scrambleReading(
        "Latency is measured in ms and cost in USD per 1M tokens; we report tokens, GPUs and hours per team, and every dashboard shows days since the last incident.",
      ),
    ).toBeNull();
    expect(listItemMarks("- use Redis for the cache\n- store traces in Postgres\n- deploy it on Kubernetes\n- page on Slack").marked).toBe(
      0,
    );
  });

  it("catches most shuffles of every kind but list items and table rows, on the tune rows", () => {
    const tune = shuffles.filter((r) => r.split === "tune");
    for (const kind of ["global", "paragraph", "sentence", "window4", "partial", "lower"]) {
      const rows = tune.filter((r) => r.kind === kind);
      const caught = rows.filter((r) => scrambledWordOrder(r.answer) || r.answer.split(/\n\s*\n/).some((p) => scrambledWordOrder(p)));
      expect(caught.length, kind).toBeGreaterThanOrEqual(Math.ceil(rows.length / 2));
    }
    // Short list items shuffled item by item: only a list whose items end on small words shows it (most do not).
    const listed = tune.filter((r) => r.kind === "items" && r.style === "list");
    expect(listed.some((r) => scrambleReading(r.answer) === "loose-items")).toBe(true);
  });

  it("an answer full of figures shuffled is set aside and earns no more than the weak answer", { timeout: 120_000 }, () => {
    const source = honest.find((r) => r.id === "num-selfhost-1")!;
    const q = question(source.questionId);
    const weakAnswer = q.exemplars.find((e) => e.level === "weak")!.answer;
    const weak = grade(q, weakAnswer, weakAnswer).score;
    const own = grade(q, source.answer);
    expect(own.kinds).not.toContain("scrambled-words");
    expect(own.score).toBeGreaterThan(weak);
    for (const kind of ["global", "partial"]) {
      const row = shuffles.find((r) => r.id === `num-selfhost-1-${kind}-1`)!;
      const g = grade(q, row.answer);
      expect(g.kinds, kind).toContain("scrambled-words");
      expect(g.score, kind).toBeLessThanOrEqual(weak);
    }
  });
});
