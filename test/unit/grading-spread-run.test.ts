import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { relatingNotes } from "../../server/grading/language/relating-notes.js";
import { questionTerms } from "../../server/grading/language/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { packGrader } from "../helpers/pack-grader.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

/**
 * Salads spread over several thin sentences, "where/so that" chains (spread-run.ts), and terse notes whose lines
 * relate their points not read as keyword lists (relating-notes.ts). Session 14, branch salads3.
 */
const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
const { question, graded, weakScore } = packGrader(pack!);
type Row = { questionId: string; side: "salad" | "terse"; style?: string; answer: string };
const rows = parse(readFileSync(new URL("../fixtures/salads3/tuning.yaml", import.meta.url), "utf8")) as Row[];
/** Tuning salads still above weak, with the reason (docs/session14-salads3.md). */
const ESCAPES = new Set([
  // Its one earning sentence says "when sources change": two specific words for two points.
  "semantic-cache-support-bot:multi",
  // Its points come from one criterion only (no run reaches two).
  "support-chatbot-rag:multi",
]);

describe("spreadRuns: the rubric named over several thin sentences", () => {
  it.each(rows.filter((r) => r.side === "salad" && !ESCAPES.has(`${r.questionId}:${r.style}`)).map((r) => [r.questionId, r.style, r.answer]))(
    "a tuning salad earns no more than the weak exemplar: %s (%s)",
    (id, _style, answer) => {
      expect(graded(id!, answer!).score).toBeLessThanOrEqual(weakScore(id!));
    },
  );

  it("keeps a terse note's credit: figures and arrows on every line", () => {
    const note = rows.find((r) => r.side === "terse" && r.questionId === "extraction-invalid-json")!;
    expect(graded(note.questionId, note.answer).score).toBeGreaterThanOrEqual(75);
  });
});

describe("relatingNotes: terse notes are not keyword lists", () => {
  const terms = questionTerms(question("extraction-invalid-json"));
  it("reads lines carrying figures, code names and arrows as notes", () => {
    const note = [
      "- no schema → orderId/order_id drift, invented fields",
      "- fix: keys + types, null if missing, json only, json_schema response_format, pydantic + 1 retry",
      "- eval: 200 labelled emails, parse rate, field accuracy, CI",
    ].join("\n");
    expect(relatingNotes(note, terms)).toBe(true);
  });
  it("leaves a list of the rubric's names a list", () => {
    const list = ["- no schema, invented fields, prose noise", "- json schema, null, json only, validation", "- labelled set, parse rate, field accuracy"].join("\n");
    expect(relatingNotes(list, terms)).toBe(false);
  });
  it("does not count an arrow between rubric terms alone", () => {
    expect(relatingNotes("schema → validation\nvalidation → retry", terms)).toBe(false);
  });
  it("no terse tuning note is flagged keyword-list", () => {
    for (const r of rows.filter((x) => x.side === "terse")) expect(graded(r.questionId, r.answer).flags).not.toContain("keyword-list");
  });
});
