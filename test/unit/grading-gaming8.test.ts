import { describe, expect, it } from "vitest";
import { offDomainSalad } from "../../server/grading/language/off-domain-words.js";
import { packIndex } from "../../server/grading/pack-index.js";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";
import { GamingRowSchema, judgeRow } from "../../scripts/eval/gaming-rows.js";
import { readFixtureRows } from "../../scripts/eval/fixture-rows.js";

/**
 * Session 18 (branch `gaming8`): gibberish strung with the rubric's terms and fluent buzzword templates, read by the
 * words the pack never uses (server/grading/language/off-domain-words.ts). Fixtures: test/fixtures/gaming8/; only
 * `tune.yaml` is asserted here (`held.yaml` is the held-apart check, reported in docs/session18-gaming8.md via
 * scripts/eval/gaming8.ts).
 */
const pack = loadPacksFromDir(BUILTIN_PACKS_DIR).find((p) => p.id === "ai-engineer")!;
const question = (id: string): Question => pack.questions.find((q) => q.id === id)!;
const salad = (id: string, text: string) => offDomainSalad(text, question(id), packIndex(pack).idf);

describe("gibberish: the rubric's terms strung on words the pack never uses", () => {
  it("a paragraph of terms on poetry is set aside", { timeout: 60_000 }, () => {
    expect(
      salad(
        "catalogue-semantic-search",
        "The retrieval quantum latches its embedding toward the purple reranker, so BM25 sings beside the click log. Reciprocal rank fusion then dreams of nDCG, and the facets melt into an incremental upsert of violins.",
      ),
    ).toBe(true);
    expect(
      salad(
        "llm-gateway-multitenant",
        "I'd let the circuit breaker negotiate with the token bucket until the failover blushes. The semantic cache then redacts the chargeback, and the OpenTelemetry traces migrate one team at a time into the price table's attic.",
      ),
    ).toBe(true);
  });
  it("honest sentences with a word from outside the pack, or none, stay", { timeout: 60_000 }, () => {
    for (const honest of [
      "Embed title, brand and description with the small embedding model and keep a BM25 index beside it, because shoppers type exact model numbers. Fuse the two lists with reciprocal rank fusion and filter to in-stock items.",
      "One OpenAI-compatible API in front of both providers. Track error rate per provider and open a circuit breaker at 20% errors over a minute, failing over to the second provider.",
    ])
      expect(salad(honest.startsWith("Embed") ? "catalogue-semantic-search" : "llm-gateway-multitenant", honest), honest).toBe(false);
  });
});

describe("templates: boardroom glue and nothing specific", () => {
  it("a fluent template of the rubric's names is set aside", { timeout: 60_000 }, () => {
    expect(
      salad(
        "catalogue-semantic-search",
        "We leverage dense embeddings, BM25 and reciprocal rank fusion to ensure robust relevance and scalable search, driving click-through and conversion across the entire catalogue.",
      ),
    ).toBe(true);
  });
  it("the same names with a figure or a reason say something", { timeout: 60_000 }, () => {
    for (const honest of [
      "We leverage dense embeddings and BM25, fused with reciprocal rank fusion, and take the top 20 products to the reranker.",
      "We leverage BM25 beside dense embeddings because shoppers type exact model numbers, and fuse the two with reciprocal rank fusion.",
    ])
      expect(salad("catalogue-semantic-search", honest), honest).toBe(false);
  });
  it("a question of one criterion is never read so (the public sets' one-criterion items)", () => {
    const q = question("catalogue-semantic-search");
    const one = { ...q, rubric: q.rubric.slice(0, 1) };
    const text = "We leverage dense embeddings, BM25 and reciprocal rank fusion to ensure robust relevance and scalable search.";
    expect(offDomainSalad(text, one, packIndex(pack).idf)).toBe(false);
  });
});

describe("tuning rows (test/fixtures/gaming8/tune.yaml)", () => {
  const rows = readFixtureRows("test/fixtures/gaming8/tune.yaml", GamingRowSchema);
  // Still above weak (docs/session18-gaming8.md, "Left"): a gibberish row whose glue is in the pack's words but for
  // one word per sentence, and templates of in-pack words ("unlock", "drives value"), of bold labels, and with a
  // committing "every" or a discourse "so".
  const LEFT = new Set(["t-gb-2", "t-bw-3", "t-bw-4", "t-bw-8", "t-bw-11"]);
  for (const kind of ["gibberish", "buzzword"] as const)
    it(`${kind} rows earn no more than the weak exemplar`, { timeout: 180_000 }, () => {
      for (const r of rows.filter((x) => x.kind === kind && !LEFT.has(x.id)))
        expect(judgeRow(r).holds, `${r.id}: ${judgeRow(r).detail}`).toBe(true);
    });
  it("honest rows keep their floor and are never flagged", { timeout: 180_000 }, () => {
    for (const r of rows.filter((x) => x.kind === "honest")) {
      const j = judgeRow(r);
      expect(j.holds, `${r.id}: ${j.detail}`).toBe(true);
      expect(j.flags, r.id).toBe("");
    }
  });
});
