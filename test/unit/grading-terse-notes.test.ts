import { describe, expect, it } from "vitest";
import { analyse, claimSentences } from "../../server/grading/language/index.js";
import { gradeOne, oneCriterionPack } from "../helpers/one-criterion.js";

/** Whether the (one-sentence) text is read as stating something. */
const states = (text: string, listAnswers = false) => claimSentences(analyse(text), () => false, { listAnswers }).size > 0;

describe("terse notes that relate things state them", () => {
  it("a symbol between two sides is a predicate: =, ->, =>, →, ⇒, <, vs", () => {
    for (const text of [
      "Bigger batch = better GPU use, worse tail latency.",
      "Cache hit -> no database round trip.",
      "Stale read => show the cached price, refresh in background.",
      "More replicas → higher read throughput.",
      "Eviction ⇒ the least recently used entry goes first.",
      "Write-through latency > write-back latency.",
      "Hash index vs B-tree: point lookups vs range scans.",
      "O(1) amortised vs O(n) worst case.",
    ])
      expect(states(text), text).toBe(true);
  });

  it("a label followed by comparatives is a note about the label", () => {
    for (const text of [
      "Smaller pages: fewer cache misses, slower sequential scans.",
      "Sharding: higher write throughput, harder cross-shard joins.",
      "Read replicas: lower read latency, more stale reads.",
    ])
      expect(states(text), text).toBe(true);
  });

  it("a labelled run of plain items, or an unlabelled run of names, stays a list", () => {
    for (const text of [
      "Action: rolled back, feature flag, logs.",
      "Stack: Redis, Postgres, Kafka.",
      "linear, sublinear, recall",
      "latency, latency, throughput, sharding",
      "caching, caching, invalidates entries",
      "Faster, cheaper, smaller.",
    ])
      expect(states(text), text).toBe(false);
  });

  it("a stray symbol with nothing on one side relates nothing", () => {
    expect(states("sharding, replication, ->")).toBe(false);
    expect(states("= latency, throughput, shards")).toBe(false);
  });

  it("honest sentences and verb-phrase runs keep their claims", () => {
    for (const text of [
      "We use caching, batching and connection pooling.",
      "Caching, batching, pooling reduce the load.",
      "Reads the queue, retries it, then acks the message.",
      "Stack: LIFO.",
    ])
      expect(states(text), text).toBe(true);
  });

  it("a short-answer item is still answered by a list in its own form", () => {
    expect(states("legislative, executive, judicial", true)).toBe(true);
    expect(states("legislative, executive, judicial")).toBe(false);
  });
});

describe("a terse note that drops its articles is no word salad", () => {
  const pack = oneCriterionPack({
    prompt: "What does the sampling temperature do to a language model's output?",
    concepts: [
      { label: "higher is more random", terms: ["more random", "higher temperature"] },
      { label: "lower is more focused", terms: ["more focused", "less random", "lower temperature"] },
    ],
    exemplars: [
      {
        level: "strong",
        answer:
          "Temperature divides the logits before the softmax: a higher temperature makes sampling more random, a lower one more focused.",
        score: 4,
      },
    ],
  });

  it("keeps short clauses that each state something, though few function words hold them", () => {
    for (const text of [
      "Temperature scales the logits. High temperature gives more random output; low temperature gives less random, more focused output.",
      "Higher temperature flattens logits. Sampling gets more random. Lower temperature sharpens logits, output stays focused.",
    ]) {
      const { flags, score } = gradeOne(pack, text);
      expect(
        flags.map((f) => f.kind),
        text,
      ).not.toContain("keyword-list");
      expect(score, text).toBeGreaterThan(50);
    }
  });

  it("still sets aside short runs of terms with no verb, and one long run", () => {
    for (const text of [
      "Temperature logits softmax. Random output sampling. Focused output probability.",
      "temperature logits softmax random output sampling focused output probability distribution entropy tokens",
    ])
      expect(gradeOne(pack, text).score, text).toBe(0);
  });
});
