import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { spreadSentences } from "../../server/grading/spread-sentence.js";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

/**
 * A fluent one- or two-sentence summary of the rubric (issue #11 point 3, session 13): one sentence naming key
 * points of every criterion reached level 3 on each, because one sentence may earn three key points per criterion.
 * A sentence reaching three or more criteria earns nothing unless it holds a specific word (a figure, someone acting,
 * a relation, a thing of the situation) for every two key points it names (spread-sentence.ts).
 */
const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
const question = (id: string) => pack!.questions.find((q) => q.id === id)!;
const score = (q: Question, text: string, gradingExemplar?: string) =>
  questionScore(q.rubric, gradeQuestion(q, [{ text }], { pack, gradingExemplar }).scores);
const exemplar = (q: Question, level: string) => {
  const answer = q.exemplars.find((e) => e.level === level)!.answer;
  return score(q, answer, answer);
};
type Row = { questionId: string; side: "salad" | "honest"; answer: string };
const rows = parse(readFileSync(new URL("../fixtures/salads2/tuning.yaml", import.meta.url), "utf8")) as Row[];
/** Tuning salads the rule does not reach, with the reason (docs/grading-history.md, Session 13, "salads2"). */
const ESCAPES = new Set([
  // "where" and "so" are read as relations: three specific words for five key points.
  "translation-mangles-names",
  // Read as a list of items (at most one item has a verb of its own): lists are left to the list readers, so that a
  // genuine terse list reaching 3 criteria is not set aside (label-dump tests); these two list-shaped salads escape.
  "self-hosted-model-serving",
  "receipt-extraction-vision",
]);

describe("spreadSentences: the rubric in one breath", () => {
  const GATEWAY = question("llm-gateway-multitenant");
  const salad =
    "The gateway provides a unified API with health checks, circuit breakers, failover and retries with jitter, enforces token-bucket limits, soft and hard caps and priority shedding, uses an exact cache and regex redaction with zero data retention, and attributes cost per team with traces, dashboards and a pilot onboarding, saving money on every request.";

  it("scored a one-sentence salad far above the weak exemplar before, and at most the weak exemplar now", () => {
    const graded = gradeQuestion(GATEWAY, [{ text: salad }], { pack });
    expect(graded.scores.every((c) => c.score === 0)).toBe(true);
    expect(score(GATEWAY, salad)).toBeLessThanOrEqual(exemplar(GATEWAY, "weak"));
  });

  it("reads the salad's sentence as spread over the rubric with few specific words", () => {
    const [read] = spreadSentences(GATEWAY, salad, [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0],
      [0, 0, 0],
    ]);
    expect(read).toMatchObject({ sentence: 0, criteria: 4 });
  });

  it("leaves a sentence reaching two criteria alone, however many points it names", () => {
    expect(spreadSentences(GATEWAY, salad, [[0, 0, 0], [0, 0, 0], [], []])).toEqual([]);
  });

  it("leaves a spread sentence that says something specific about its points", () => {
    const dense =
      "Each team's key gets a token bucket of 200k tokens per minute, and when a provider's error rate passes 5% the circuit breaker opens and we fail over, logging a trace per request so we charge the cost back to the team.";
    expect(spreadSentences(GATEWAY, dense, [[0, 0], [0], [], [0, 0]])).toEqual([]);
  });

  it.each(rows.filter((r) => r.side === "salad" && !ESCAPES.has(r.questionId)).map((r) => [r.questionId, r.answer]))(
    "a tuning salad earns no more than the weak exemplar: %s",
    (id, answer) => {
      const q = question(id);
      expect(score(q, answer)).toBeLessThanOrEqual(exemplar(q, "weak"));
    },
  );

  it("leaves the honest dense sentences' scores where they were (session-start scores)", () => {
    // Scores measured on the commit before the rule (304d6c7), honest tuning rows in file order.
    const before = [13.6, 13.6, 13.6, 11.5, 12.5, 8.3, 12.5, 30.0, 25.0, 20.5, 45.0, 20.5, 22.9, 15.0, 10.0];
    const honest = rows.filter((r) => r.side === "honest");
    expect(honest.map((r) => Math.round(10 * score(question(r.questionId), r.answer)) / 10)).toEqual(before);
  });

  it("keeps every exemplar in order on the questions the salads came from", () => {
    for (const id of new Set(rows.map((r) => r.questionId))) {
      const q = question(id);
      expect(exemplar(q, "strong")).toBeGreaterThan(exemplar(q, "adequate"));
      expect(exemplar(q, "adequate")).toBeGreaterThan(exemplar(q, "weak"));
    }
  });
});
