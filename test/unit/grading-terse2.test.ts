import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { partByGrammar } from "../../server/grading/checks/story-parts.js";
import { carryingNote } from "../../server/grading/integrity/note-fragments.js";
import { analyse } from "../../server/grading/language/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

/**
 * Terse notes that outside audits scored far below a careful human (session 15, branch `terse2`): a paragraph of
 * note fragments dropped the function words the keyword-bag test counts and was set aside whole; a story told as
 * notes ("A: rolled the index back ...") had no "I" before its acts. Fixtures: test/fixtures/terse2/; only the
 * `tune.yaml` rows are asserted here (`held.yaml` is the held-apart check, reported in docs/session15-terse2.md).
 */
const pack = loadPacksFromDir(BUILTIN_PACKS_DIR).find((p) => p.id === "ai-engineer")!;
const question = (id: string) => pack.questions.find((q) => q.id === id)!;
type Row = { questionId: string; kind: "note" | "dump"; label: number; answer: string; gap?: boolean };
const tune = parse(readFileSync(new URL("../fixtures/terse2/tune.yaml", import.meta.url), "utf8")) as Row[];
const graded = (r: Row) => gradeQuestion(question(r.questionId), [{ text: r.answer }], { pack });
const weak = (id: string) => {
  const answer = question(id).exemplars.find((e) => e.level === "weak")!.answer;
  return questionScore(question(id).rubric, gradeQuestion(question(id), [{ text: answer }], { pack, gradingExemplar: answer }).scores);
};

describe("carryingNote: note fragments against a keyword bag", () => {
  const q = question("semantic-cache-support-bot");
  it.each([
    "cache key = normalised prompt + model id + doc version; TTL 24h; invalidate on doc edit; skip per-user questions",
    "log per turn: conv id, prompt version, model, doc ids, latency; redact PII before write (Luhn for cards); purge text after a week; bypass for account questions",
  ])("a note: %s", (text) => {
    expect(carryingNote(text, q)).toBe(true);
  });
  it.each([
    // The rubric's names alone, however punctuated, carry nothing of their own.
    "embedding similarity; similarity threshold; scoped key; bypass; invalidation; wrong-hit measurement; hit rate",
    "cache design; freshness correctness; savings numbers",
    // Two fragments are too few to tell a note from a phrase.
    "cache key = prompt hash; TTL 24h",
  ])("not a note: %s", (text) => {
    expect(carryingNote(text, q)).toBe(false);
  });
});

describe("a story told as notes keeps its acts", () => {
  const acts = (text: string) => partByGrammar(analyse(text), "action") >= 0;
  it("a subjectless past verb with what it acted on, after a label or a semicolon, is the candidate's act", () => {
    expect(acts("A: compared traces against last week's baseline; rolled the index back to the snapshot, paged the owner.")).toBe(true);
    expect(acts("Thumbs-down doubled overnight; rolled the index back to the previous snapshot.")).toBe(true);
  });
  it("a list of bare names, a lesson, or a plan is no act", () => {
    expect(acts("Action: rolled back, feature flag, root cause, logs.")).toBe(false);
    expect(acts("Learned that evals matter more than intuition.")).toBe(false);
    expect(acts("If it breaks again, roll the index back to the snapshot.")).toBe(false);
  });
});

describe("the tuning fixtures (test/fixtures/terse2/tune.yaml)", () => {
  // `gap` rows are losses left open (an unlabelled field list of one criterion's terms), reported, not asserted.
  it("no note is set aside as a keyword list, and every dump or salad scores at or below the weak exemplar", () => {
    for (const r of tune.filter((x) => !x.gap)) {
      const g = graded(r);
      if (r.kind === "note")
        expect(
          g.flags.map((f) => f.kind),
          r.answer,
        ).not.toContain("keyword-list");
      else expect(questionScore(question(r.questionId).rubric, g.scores), r.answer).toBeLessThanOrEqual(weak(r.questionId));
    }
  });
});
