import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { labelDump } from "../../server/grading/integrity/label-dump.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { packGrader } from "../helpers/pack-grader.js";

/**
 * Session 13, branch `dumps`: the rubric's own names (criterion titles, key-point labels, terms) arranged as notes,
 * with nothing of the candidate's own about them, earn no more than the weak model answer, whatever the layout; terse
 * notes that name the same things with their own figures, choices, tools and relations stay answers. Fixture:
 * test/fixtures/dumps/tune.yaml (its held-apart twin, held.yaml, is reported in docs/grading-history.md, Session 13, "dumps", not asserted).
 */
const [pack] = loadPacksFromDir("scenarios");
type Row = { questionId: string; side: "dump" | "terse"; layout: string; answer: string };
const rows = parse(readFileSync(new URL("../fixtures/dumps/tune.yaml", import.meta.url), "utf8")) as Row[];
const { question, graded, weakScore } = packGrader(pack!);
const row = (id: string, layout: string) => rows.find((r) => r.questionId === id && r.layout === layout)!;

describe("labelDump: the rubric's names with nothing of the candidate's", () => {
  it("reads every tuning dump as one, in every layout", () => {
    const dumps = rows.filter((r) => r.side === "dump");
    expect(dumps.length).toBeGreaterThanOrEqual(20);
    expect(dumps.filter((r) => !labelDump(question(r.questionId), r.answer)).map((r) => r.layout)).toEqual([]);
  });

  it("reads no terse note as one: a figure, a tool or a relation of the candidate's own is an answer", () => {
    // The unlabelled field list of rubric terms is one part's fields in the candidate's terms (not the labels'
    // phrasing) and names two criteria: no dump, though its only own word is "Luhn" (it is still flagged as a
    // keyword list by the term-density check, left open).
    const terse = rows.filter((r) => r.side === "terse");
    expect(terse.filter((r) => labelDump(question(r.questionId), r.answer)).map((r) => r.layout)).toEqual([]);
  });

  it("a label over nothing is the content: a checklist of the rubric's names answered 'yes' is a dump", () => {
    const q = question("mcp-internal-tools");
    expect(labelDump(q, "Strict schemas: yes. Idempotency on writes: yes. Human approval: yes. Least privilege and scopes: yes.")).toBe(
      true,
    );
    expect(
      labelDump(q, "Strict schemas: enum for every status, additionalProperties false. Idempotency on writes: request id per refund."),
    ).toBe(false);
  });

  it("slips of a letter and other forms of a name are still the rubric's", () => {
    const q = question("model-routing-cost");
    expect(
      labelDump(
        q,
        "Routing - explicit up-front router, cascade and its tradeoff, confidnce threshold. Reliability - fallback on failure, response cache.",
      ),
    ).toBe(true);
  });

  it("the question's own nouns padded onto the names add nothing of the candidate's", () => {
    const q = question("support-chatbot-rag");
    expect(
      labelDump(
        q,
        "Retrieval quality: hybrid search, reranking for the help articles. Grounding: citations in the answers. Evaluation: golden set, faithfulness of the chatbot.",
      ),
    ).toBe(true);
  });

  it("a few names are too little to tell, and a short-answer item (one criterion) is never read", () => {
    expect(labelDump(question("support-chatbot-rag"), "Hybrid search, reranking.")).toBe(false);
    const oneCriterion = { ...question("support-chatbot-rag"), rubric: question("support-chatbot-rag").rubric.slice(0, 1) };
    expect(labelDump(oneCriterion, "chunking by structure, embeddings and vector index, hybrid search or reranking, index freshness")).toBe(
      false,
    );
  });

  it("no paragraph of any built-in model answer is read as a dump", () => {
    const found = pack!.questions.flatMap((q) =>
      q.exemplars.flatMap((e) =>
        [e.answer, ...e.answer.split(/\n\s*\n/)].filter((p) => labelDump(q, p)).map((p) => `${q.id}: ${p.slice(0, 60)}`),
      ),
    );
    expect(found).toEqual([]);
  });
});

describe("graded: a dump earns no more than the weak model answer; a terse note keeps its credit", () => {
  // The dumps that earned above the weak model answer before this change (outside audit 9's layout first).
  it.each([
    ["support-chatbot-rag", "audit-labelled-terms"],
    ["booking-tool-date-arguments", "table"],
    ["ticket-summaries", "short-bullets"],
    ["review-tagging-pipeline", "plus-joined"],
  ])("dump on %s (%s)", (id, layout) => {
    const { score, flags } = graded(id, row(id, layout).answer);
    expect(score).toBeLessThanOrEqual(weakScore(id));
    expect(flags).toContain("rubric-pasted");
  });

  it.each([
    ["support-chatbot-rag", "brief-example"],
    ["rag-reranking-query-rewriting", "one-line"],
    ["llm-gateway-multitenant", "list-three-criteria"],
  ])("terse note on %s (%s) is not set aside", (id, layout) => {
    const { score, flags } = graded(id, row(id, layout).answer);
    expect(flags).toEqual([]);
    expect(score).toBeGreaterThan(weakScore(id));
  });

  it("a short list under a label naming its thing (a set answer, set-answer.ts) is not read as a dump", () => {
    const { flags } = graded(
      "mcp-internal-tools",
      "Tool design: strict JSON schemas, server-side validation with actionable errors, idempotency keys on writes.",
    );
    expect(flags).toEqual([]);
  });
});
