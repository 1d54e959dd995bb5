import { describe, expect, it } from "vitest";
import { conceptCoverage } from "../../server/grading/index.js";
import { CriterionSchema, type Criterion } from "../../server/scenarios/index.js";

/** A cache-design criterion written for these tests (no pack uses it). */
const cache: Criterion = CriterionSchema.parse({
  id: "cache-policy",
  title: "Cache policy",
  weight: 1,
  description: "Eviction, expiry, invalidation and warm-up.",
  anchors: { "0": "None.", "1": "One.", "2": "Two.", "3": "Three.", "4": "All four." },
  evidence: {
    concepts: [
      { label: "eviction", terms: ["eviction", "lru", "evict"] },
      { label: "expiry", terms: ["ttl", "expiry", "expire"] },
      { label: "invalidation", terms: ["invalidation", "invalidate"] },
      { label: "warm-up", terms: ["warm-up", "warm the cache", "prefill"] },
    ],
  },
});
const workers: Criterion = CriterionSchema.parse({
  ...cache,
  id: "worker-safety",
  evidence: {
    concepts: [
      { label: "retries", terms: ["retry", "retries"] },
      { label: "idempotence", terms: ["idempotent", "idempotency"] },
      { label: "isolation", terms: ["no shared state"] },
    ],
  },
});
const STEMS = ["evict", "lru", "ttl", "expir", "invalidat", "warm", "prefill", "retr", "idempoten", "shared"];
const isTerm = (word: string) => STEMS.some((s) => word.startsWith(s));
const labels = (criterion: Criterion, text: string) => conceptCoverage(criterion, text, { isTerm }).hits.map((h) => h.label);

describe("negation reaches the list it governs", () => {
  it("denies every item of a negated list, to the end of the clause", () => {
    expect(labels(cache, "Our cache does not use LRU eviction, a TTL or invalidation on writes; it simply grows.")).toEqual([]);
    expect(labels(workers, "The jobs never get retries, idempotency keys or checkpoints, because the queue is reliable.")).toEqual([]);
  });

  it("reads refusal and dismissal as negation: skip, nothing to do with, without, a waste of time", () => {
    expect(labels(cache, "I'd skip eviction, expiry and invalidation, since memory is cheap.")).toEqual([]);
    expect(labels(cache, "This design has nothing to do with TTLs, LRU or invalidation.")).toEqual([]);
    expect(labels(cache, "We ship it without eviction, expiry or a warm-up step.")).toEqual([]);
    expect(labels(cache, "Eviction, expiry and invalidation are a waste of time for this service.")).toEqual([]);
  });

  it("stops where a new clause or a contrast starts", () => {
    expect(labels(cache, "We do not warm the cache at boot, and every write invalidates its key.")).toEqual(["invalidation"]);
    expect(labels(cache, "The cache is not prefilled at startup but entries expire after ten minutes.")).toEqual(["expiry"]);
    expect(labels(cache, "If nothing useful is cached the service evicts the oldest entry.")).toEqual(["eviction"]);
  });

  it("keeps what 'not only ... but also' asserts", () => {
    expect(labels(cache, "We need not only LRU eviction but also a TTL on every key.")).toEqual(["eviction", "expiry"]);
  });

  it("lets a 'no' inside a positive list deny only its own item, and a negative term under a wider negation fail", () => {
    expect(labels(workers, "Safe workers need retries, idempotent handlers and no shared state.")).toEqual([
      "retries",
      "idempotence",
      "isolation",
    ]);
    expect(labels(workers, "Safe workers do not need retries, idempotent handlers or no shared state.")).toEqual([]);
  });
});

describe("praise is not a claim", () => {
  it("earns nothing for a sentence that only calls a rubric term important, nice or helpful", () => {
    expect(labels(cache, "Eviction is important. TTLs are really great. Invalidation matters a lot. Cache warm-up helps.")).toEqual([]);
  });

  it("keeps an evaluation that gives a reason or an effect", () => {
    expect(labels(cache, "Eviction is important because the node has only 2 GB of memory.")).toEqual(["eviction"]);
    expect(labels(cache, "We set a TTL because prices change every hour.")).toEqual(["expiry"]);
  });
});

describe("labelled lines", () => {
  const order: Criterion = CriterionSchema.parse({
    ...cache,
    id: "access-order",
    evidence: {
      concepts: [
        { label: "deque both ends", terms: ["both ends"] },
        { label: "heap is priority order", terms: ["priority", "smallest first"] },
      ],
    },
  });
  const orderTerms = (word: string) => ["both", "ends", "priority", "smallest", "first"].includes(word);

  it("reads 'label: value' notes the same in any order and with any punctuation between them", () => {
    const read = (text: string) =>
      conceptCoverage(order, text, { isTerm: orderTerms })
        .hits.map((h) => h.label)
        .sort();
    const both = ["deque both ends", "heap is priority order"];
    // Long enough (over 8 words) not to pass as a one-phrase answer.
    expect(read("Deque: both ends. Heap: smallest first. Ring buffer: fixed size.")).toEqual(both);
    expect(read("Heap: smallest first. Deque: both ends. Ring buffer: fixed size.")).toEqual(both);
    expect(read("Heap: smallest first; deque: both ends; ring buffer: fixed size.")).toEqual(both);
  });

  it("treats a label followed by a run of bare names as a keyword list, not an account", () => {
    expect(labels(cache, "Design: LRU, TTL, invalidation, warm-up, sharding, metrics.")).toEqual([]);
    expect(labels(cache, "Fixes: LRU, TTL, invalidation, prefill.")).toEqual([]);
  });

  it("reads a label followed by fragments that relate what they name as a note (session 11, terse)", () => {
    // "per key", "on write": a third of the fragments relate their item, as an expert's notes do.
    expect(labels(cache, "Fixes: added LRU, TTL per key, invalidate on write, prefill.")).toEqual(["eviction", "expiry", "invalidation"]);
  });

  it("keeps an enumeration inside a real clause, labelled or not", () => {
    expect(labels(cache, "We rely on LRU eviction, a one-hour TTL, invalidation on write and a prefill job at boot.")).toEqual([
      "eviction",
      "expiry",
      "invalidation",
    ]);
    expect(labels(cache, "Plan: evict with LRU when memory passes 80%, and expire keys after an hour.")).toEqual(["eviction", "expiry"]);
  });
});

describe("an answer that names what the question asks for", () => {
  it("a sentence stating the asked-for items is a claim, though half its words are rubric terms", () => {
    // 12 words, 6 of them rubric words: a keyword bag with a verb sprinkled in is denser (more than 60%).
    expect(labels(cache, "The four are LRU eviction, TTL expiry, cache invalidation and a prefill.")).toEqual([
      "eviction",
      "expiry",
      "invalidation",
    ]);
  });
});
