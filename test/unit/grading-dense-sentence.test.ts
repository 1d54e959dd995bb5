import { describe, expect, it } from "vitest";
import { analyse, claimSentences, questionTerms, termStuffed } from "../../server/grading/language/index.js";
import { relatesItsTerms } from "../../server/grading/language/term-density.js";
import { gradeOne, oneCriterionPack } from "../helpers/one-criterion.js";

/**
 * Outside audit: a correct one-sentence answer dense in rubric terms was read as a keyword list. A pack
 * with a thin vocabulary, written for this test: its key points name nearly every content word a good
 * answer uses, so the share of rubric terms cannot tell a claim from a list. How the sentence relates
 * its terms can: verbs, prepositions and subordinators between them, against "and" and commas.
 */
const PACK = oneCriterionPack({
  id: "semantic-cache",
  prompt: "How would you add a semantic cache to a multi-tenant LLM support bot?",
  concepts: [
    { label: "semantic cache on embeddings", terms: ["semantic cache", "cache", "cached", "embedding", "keyed", "normalis", "prompt"] },
    { label: "similarity threshold", terms: ["similarity", "threshold", "tuned", "held-out", "traffic", "labelled"] },
    { label: "invalidation", terms: ["invalidat", "model version", "system prompt", "changes", "ttl", "expire", "drop"] },
    { label: "tenant isolation", terms: ["tenant", "per-tenant", "isolation", "isolate", "partition", "answers"] },
  ],
  enough: 3,
  exemplars: [
    {
      level: "strong",
      score: 4,
      answer:
        "Look up each incoming question by its embedding in a semantic cache, which is partitioned so every tenant only ever reads its own entries. A hit counts only above a similarity threshold that we tune on a labelled held-out sample. Entries expire with a TTL and are dropped at once whenever the system prompt or model version changes.",
    },
    { level: "weak", score: 1, answer: "Add a cache so repeated questions are cheaper." },
  ],
});
const isTerm = questionTerms(PACK.questions[0]!);

/**
 * Correct one-sentence answers, dense in the pack's terms, that relate them as the pack's own texts do. Not
 * "Use a semantic cache keyed on normalised prompt embeddings with a similarity threshold tuned on held-out
 * traffic, invalidated when ...": on this pack every content word of it but "use" is a term, so nothing tells it
 * from a fluent salad of the same terms (below), and it is read as stuffing (docs/grading-history.md, Session 10, "falsepos", left open).
 */
const DENSE_CLAIMS = [
  "Cache answers keyed on normalised prompt embeddings per tenant, serve a cached answer only when its similarity is above a threshold tuned on labelled held-out traffic, and invalidate the tenant's entries when the system prompt or model version changes.",
  "Each tenant gets its own partition of a semantic cache keyed on embeddings of the normalised prompt, a hit needs a similarity above a threshold that was tuned on held-out traffic, and entries expire when the model version changes.",
];

/** Lists of the same terms glued with "and" or commas: still stuffing. */
const TERM_LISTS = [
  "We handled semantic cache and embeddings and keyed prompt and normalised prompt and similarity threshold and tuned threshold and held-out traffic and invalidation and model version and system prompt and tenant isolation and per-tenant cached answers.",
  "Semantic cache, embeddings, keyed prompt, normalised prompt, similarity threshold, tuned threshold, held-out traffic, invalidation, model version, system prompt changes, tenant isolation, per-tenant partition, cached answers.",
  "Our design uses semantic cache, prompt embeddings, similarity threshold, held-out traffic tuning, invalidation on model version and system prompt changes, tenant isolation, per-tenant partition and cached answers.",
];

describe("one sentence dense in rubric terms", () => {
  it.each(DENSE_CLAIMS)("that relates its terms is a claim, not stuffing: %s", (text) => {
    expect(termStuffed(text, isTerm)).toBe(false);
    const graded = gradeOne(PACK, text);
    expect(graded.flags).toEqual([]);
    expect(graded.criterion.score).toBeGreaterThanOrEqual(3);
  });

  it.each([
    "A semantic cache of tenant similarity invalidates the held-out embeddings, so the threshold of cached answers expires the system prompt of the model version traffic.",
  ])("a fluent salad of the same terms, related unlike the pack's own texts, is still stuffing: %s", (text) => {
    const graded = gradeOne(PACK, text);
    expect(graded.flags.map((f) => f.kind)).toEqual(["keyword-list"]);
    expect(graded.criterion.score).toBeLessThanOrEqual(1);
  });

  it.each(TERM_LISTS)("that lists its terms is still stuffing: %s", (text) => {
    const graded = gradeOne(PACK, text);
    expect(graded.criterion.score).toBeLessThanOrEqual(1);
  });

  it("a template repeated over several sentences relates terms in each and is still stuffing", () => {
    const text =
      "The semantic cache of the prompt embedding is the similarity threshold. The tenant isolation of the cached answers is the model version. The held-out traffic of the system prompt is the invalidation.";
    expect(termStuffed(text, isTerm)).toBe(true);
  });

  it("the claims reading agrees: the dense sentence is a claim", () => {
    expect(claimSentences(analyse(DENSE_CLAIMS[0]!), isTerm).size).toBe(1);
  });
});

describe("relatesItsTerms", () => {
  const relates = (text: string) => {
    const a = analyse(text);
    return relatesItsTerms(a.sentences[0]!.text, a.tokens.slice(a.sentences[0]!.from, a.sentences[0]!.to));
  };
  it.each([
    "Route requests to a smaller model when a classifier trained on judged pairs predicts the cheap answer is as good, with a threshold picked on a held-out cost-quality curve so the thumbs-up rate drops by less than one point.",
    "Retrieve the top 20 chunks with hybrid BM25 and vector search, rerank them with a cross-encoder and keep the five that score above a cut-off tuned on labelled queries so the prompt stays under 3,000 tokens.",
    "Redact emails and phone numbers in the logging middleware before a line is written, keep the raw payload in an encrypted store for 30 days, and let only the on-call engineer read it through an audited tool.",
  ])("a sentence with verbs, prepositions and clauses relates its terms: %s", (text) => {
    expect(relates(text)).toBe(true);
  });
  it.each([
    "We handled chunking and embeddings and hybrid search and reranking and reindexing and golden sets and hit rate and deflection and handoff.",
    "held-out held out same test set every option per queue per-queue security rare baseline start with target bar new queue add a queue per month",
    "confidently wrong makes things up like a imagine one in twenty every day liability human review human in the loop cite sources",
    "Chunking, embeddings, hybrid search, reranking, reindexing on publish, golden set of past tickets, hit rate, deflection, handoff to a human.",
  ])("a list or run of terms does not, whatever its terms' own short words: %s", (text) => {
    expect(relates(text)).toBe(false);
  });
});
