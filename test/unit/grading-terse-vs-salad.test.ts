import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { analyse, claimSentences, questionTerms } from "../../server/grading/language/index.js";
import { coLocatesTerms } from "../../server/grading/language/co-located.js";
import { relatedFragments } from "../../server/grading/language/terse-note.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";

/**
 * Two failures that pull against each other (session 11, branch `terse`): terse expert notes ("Hybrid top-20 →
 * rerank → 5; recall@5 on a 200-q golden set") were read as keyword lists, and fluent salads ("Our pipeline
 * leverages chunking, embeddings and hybrid search to ensure grounded answers, while ...") earned credit for
 * every term they named. A note relates what it names (a figure, an arrow, "via", a verb applied to a thing);
 * a salad co-locates terms on predicates that fit any term. Fixtures: test/fixtures/terse/, written by hand on
 * the built-in pack; their `held` rows are not asserted here (they are the held-apart check, reported in
 * docs/grading-history.md, Session 11, "terse").
 */
const [pack] = loadPacksFromDir("scenarios");
type Row = { questionId: string; split: "tune" | "held"; answer: string };
const rows = (name: string) =>
  (parse(readFileSync(new URL(`../fixtures/terse/${name}.yaml`, import.meta.url), "utf8")) as Row[]).filter((r) => r.split === "tune");
const question = (id: string) => pack!.questions.find((q) => q.id === id)!;
const score = (id: string, text: string) => questionScore(question(id).rubric, gradeQuestion(question(id), [{ text }], { pack }).scores);
const exemplarScore = (id: string, level: "weak" | "adequate") => {
  const answer = question(id).exemplars.find((e) => e.level === level)!.answer;
  return questionScore(question(id).rubric, gradeQuestion(question(id), [{ text: answer }], { pack, gradingExemplar: answer }).scores);
};

const sentenceOf = (text: string) => {
  const a = analyse(text);
  const s = a.sentences[0]!;
  return { s, tokens: a.tokens.slice(s.from, s.to) };
};

describe("coLocatesTerms: terms strung on light predicates", () => {
  const isTerm = questionTerms(question("support-chatbot-rag"));
  const coLocates = (text: string) => {
    const { s, tokens } = sentenceOf(text);
    return coLocatesTerms(s.text, tokens, isTerm);
  };
  it.each([
    "Our pipeline leverages chunking, embeddings and hybrid search with reranking to ensure grounded answers, while routing and caching handle latency and cost.",
    "Hybrid search and reranking play a key role in grounded answers.",
    "Human handoff, PII redaction and prompt injection defences ensure safety.",
    "Chunking and embeddings are essential for a strong retrieval story.",
    "Streaming and caching help the team keep latency and cost under control.",
  ])("co-locates: %s", (text) => {
    expect(coLocates(text)).toBe(true);
  });
  it.each([
    // A decision, an action on a thing, a figure, an arrow, a reason or a condition is something said about a term.
    "We use hybrid search and reranking.",
    "I would chunk the articles by heading and embed them, then combine BM25 with vector search and a reranker.",
    "Track deflection rate and CSAT after launch, and roll out through shadow mode and a canary.",
    "Hybrid search and reranking cut the wrong answers by a third on the golden set.",
    "Hybrid top-20 → cross-encoder rerank → top 5, then stream the answer.",
    "Hand off to a human agent when the reranker score is low, and redact PII before logging.",
    "Caching and streaming matter because the p95 budget is tight.",
    // One term praised is onlyEvaluates' reading (evaluative.ts), not a co-location.
    "Reranking is important.",
  ])("relates: %s", (text) => {
    expect(coLocates(text)).toBe(false);
  });
  it("an account's own verbs are actions, even when the rubric names them (a story)", () => {
    const story = questionTerms(question("quality-latency-tradeoff-stakeholder"));
    const { s, tokens } = sentenceOf(
      "I asked why, and what they actually needed was for that customer's questions about compatibility and warranties to be right; speed still mattered for the rest.",
    );
    expect(coLocatesTerms(s.text, tokens, story)).toBe(false);
  });
});

describe("relatedFragments: a run of fragments that relate what they name", () => {
  const isTerm = questionTerms(question("support-chatbot-rag"));
  const related = (text: string) => {
    const { s, tokens } = sentenceOf(text);
    return relatedFragments(s.text, tokens, s.start, isTerm);
  };
  it.each([
    "Eval: golden set of 300 past tickets, recall@5 + faithfulness via LLM judge; online deflection, escalation rate, CSAT.",
    "Record: one trace per conversation, one span per model call, prompt version + model version, doc ids, latency.",
    "Chunk ~500 tok, 50 overlap; hybrid BM25 + dense; rerank top-50 → 5.",
  ])("a note: %s", (text) => {
    expect(related(text)).toBe(true);
  });
  it.each([
    "Action: rolled back, feature flag, root cause, logs, postmortem.",
    // Figures and short words written into the terms relate nothing: "recall@5", "tokens per".
    "Metrics: recall@5, MRR, faithfulness, citation accuracy, deflection, CSAT.",
    "Keywords: chunking, embeddings, hybrid search, reranking, golden set, handoff.",
  ])("a list: %s", (text) => {
    expect(related(text)).toBe(false);
  });
  it("the claims reading keeps the note and drops the list", () => {
    const note = analyse(
      "Eval: golden set of 300 past tickets, recall@5 + faithfulness via LLM judge; online deflection, escalation rate, CSAT.",
    );
    const list = analyse("Action: rolled back, feature flag, root cause, logs, postmortem.");
    expect(claimSentences(note, isTerm).size).toBe(1);
    expect(claimSentences(list, isTerm).size).toBe(0);
  });
});

describe("the hand-written fixtures (tuning split)", () => {
  it("no sentence of a salad that is all light predicates is a claim; every terse note keeps its related lines", () => {
    const salad = rows("fluent-salads")[0]!;
    const note = rows("terse-notes")[0]!;
    expect(claimSentences(analyse(salad.answer), questionTerms(question(salad.questionId))).size).toBe(0);
    const a = analyse(note.answer);
    expect(claimSentences(a, questionTerms(question(note.questionId))).size).toBe(a.sentences.length);
  });

  // Graded whole on two questions each (grading is the slow part): a salad earns no more than the weak exemplar,
  // a terse note more than the adequate one.
  it.each(["support-chatbot-rag", "chatbot-logging-pii"])("on %s: salads at or below weak, terse notes above adequate", (id) => {
    const weak = exemplarScore(id, "weak");
    const adequate = exemplarScore(id, "adequate");
    for (const r of rows("fluent-salads")
      .filter((x) => x.questionId === id)
      .slice(0, 1))
      expect(score(id, r.answer)).toBeLessThanOrEqual(weak);
    for (const r of rows("terse-notes")
      .filter((x) => x.questionId === id)
      .slice(0, 1))
      expect(score(id, r.answer)).toBeGreaterThan(adequate);
  });
});
