import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { readJoints } from "../../server/grading/language/word-junction.js";
import { scrambleReading } from "../../server/grading/language/word-order.js";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

/**
 * Session 23 (`shuffle13`): genuine answers cut into chunks of 2-6 words put in another order (outside audit 19's
 * biggest class of gaming rows above the weak answer) keep most steps English; the joints a chunk shuffle makes, at
 * a fixed period, give them away (language/word-junction.ts). Rows: test/fixtures/shuffle13/tune.yaml (the tuning
 * half; the held half is only scored by scripts/eval/shuffle13.ts).
 */
type Row = { id: string; source: string; questionId: string; kind: string; answer: string };
const fixture = (path: string) => parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), "utf8")) as Row[];
const tune = fixture("shuffle13/tune.yaml");
const pack = loadPacksFromDir(BUILTIN_PACKS_DIR).find((p) => p.id === "ai-engineer")!;
const question = (id: string): Question => pack.questions.find((q) => q.id === id)!;
const score = (q: Question, text: string, exemplar?: string) =>
  questionScore(q.rubric, gradeQuestion(q, [{ text }], { pack, gradingExemplar: exemplar }).scores);

describe("joints of a chunk shuffle", () => {
  it("takes most 4-word chunk shuffles of the tuning rows", () => {
    const rows = tune.filter((r) => r.kind === "chunk4");
    const taken = rows.filter((r) => scrambleReading(r.answer) !== null).length;
    expect(taken / rows.length).toBeGreaterThan(0.6);
  });

  it("leaves sentence-shuffled answers to be graded on what they state", () => {
    const rows = tune.filter((r) => r.kind === "sentences");
    expect(rows.filter((r) => scrambleReading(r.answer) === "chunk-joints")).toEqual([]);
  });

  it("never reads an honest answer as joined chunks: terse, lists, code, non-native, other languages", () => {
    const honest = [
      ...fixture("honest/answers.yaml"),
      ...fixture("honest/expert-rewrites.yaml"),
      ...fixture("honest/structured.yaml"),
      ...fixture("honest/other-language.yaml"),
      ...fixture("terse/terse-notes.yaml"),
      ...(parse(readFileSync(new URL("../fixtures/shuffle11/honest.yaml", import.meta.url), "utf8")) as Row[]),
    ];
    const read = honest
      .filter((r) => typeof r?.answer === "string")
      .flatMap((r) => r.answer.split(/\n\s*\n/))
      .filter((p) => scrambleReading(p) === "chunk-joints");
    expect(read).toEqual([]);
  });

  it("finds the period a text was cut at, and none in the answer it came from", () => {
    const row = tune.find((r) => r.kind === "chunk4" && readJoints(r.answer).t > 5)!;
    expect(readJoints(row.answer).period).toBe(4);
    const [file, index] = row.source.split("#");
    const source = fixture(`${file}.yaml`)[Number(index)]!.answer;
    expect(readJoints(source).t).toBeLessThan(3.9);
  });

  it("grades a 4-word chunk shuffle of a strong answer no higher than the weak model answer", () => {
    // The first such row whose words no earlier reading sets aside (a keyword list takes some shuffles first).
    const row = tune.find(
      (r) =>
        r.kind === "chunk4" &&
        scrambleReading(r.answer) === "chunk-joints" &&
        gradeQuestion(question(r.questionId), [{ text: r.answer }], { pack }).flags.some((f) => f.kind === "scrambled-words"),
    )!;
    const q = question(row.questionId);
    const weak = q.exemplars.find((e) => e.level === "weak")!.answer;
    expect(score(q, row.answer)).toBeLessThanOrEqual(score(q, weak, weak));
  });
});
