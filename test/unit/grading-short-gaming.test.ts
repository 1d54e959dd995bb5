import { describe, expect, it } from "vitest";
import { gradeOne, oneCriterionPack } from "../helpers/one-criterion.js";
import { buildCopyIndex, reorderedCopy, vocabularyCopy } from "../../server/grading/integrity/copy-index.js";

/**
 * A one-criterion question whose strong model answer is short in content words (too short for the
 * vocabulary copy check), with key-point labels written as the rubric author's shorthand.
 */
const STRONG =
  "Opening a database connection costs a TCP and TLS handshake plus authentication, so a pool keeps a few connections open and lends them out. Requests reuse them, which cuts latency, and the pool size caps the load on the database.";
const pack = oneCriterionPack({
  id: "connection-pool",
  prompt: "Why does a web service use a database connection pool?",
  concepts: [
    { label: "opening a connection is expensive", terms: ["handshake", "expensive", "costly", "authentication"] },
    { label: "connections are reused across requests", terms: ["reuse", "kept open", "lends", "borrow"] },
    { label: "caps the load on the database", terms: ["caps", "limit", "max connections", "bounded"] },
  ],
  exemplars: [
    { level: "strong", answer: STRONG, score: 4 },
    { level: "weak", answer: "Because pools make the database more secure.", score: 0 },
  ],
});
const weak = gradeOne(pack, "Because pools make the database more secure.").score;
const unflaggedAbove = (text: string) => {
  const g = gradeOne(pack, text);
  return g.flags.length === 0 && g.score > weak;
};

describe("short gaming shapes score no higher than the weak exemplar", () => {
  it("a bare run of terms, with a repeat or a tagger's verb in it", () => {
    for (const text of ["handshake, handshake, reuse, limit", "expensive, reuse, caps", "costly, borrow, bounded, kept open"])
      expect(unflaggedAbove(text), text).toBe(false);
  });

  it("one sentence repeating a frame over coordinated clauses", () => {
    for (const text of [
      "In practice, handshake strongly affects reuse, and authentication strongly affects limit, and lends strongly affects bounded.",
      "Handshake shapes reuse; authentication shapes caps; borrow shapes max connections.",
    ])
      expect(unflaggedAbove(text), text).toBe(false);
  });

  it("the strong answer's words in another order", () => {
    const words = STRONG.split(/\s+/);
    const shuffled = [...words.slice(7), ...words.slice(0, 7)].reverse().join(" ");
    const graded = gradeOne(pack, shuffled);
    expect(graded.flags.map((f) => f.kind)).toContain("copied-model-answer");
  });

  it("the rubric's key-point labels pasted as the answer", () => {
    for (const text of [
      "Key points: opening a connection is expensive; connections are reused across requests; caps the load on the database.",
      "Summary - opening a connection is expensive, connections are reused across requests.",
    ])
      expect(unflaggedAbove(text), text).toBe(false);
  });

  it("honest terse and coordinated answers still earn above the weak exemplar", () => {
    for (const text of [
      "Handshake per connection is expensive -> keep connections open and reuse them; pool size = limit on DB load.",
      "New connections are costly because of the TLS handshake, so the pool lends open ones to each request and limits how many the database sees.",
      "Opening one costs a handshake, requests reuse the open ones, and the pool caps the load.",
    ])
      expect(unflaggedAbove(text), text).toBe(true);
  });
});

describe("a reordered copy of a short model answer", () => {
  const source = "Latency is the time one request takes; throughput is how many requests finish per second, so batching raises it.";
  const index = buildCopyIndex([source]);
  const none = new Set<number>();

  it("is caught where the content-word check is too short to judge", () => {
    const shuffled = "per so batching finish is it. second, requests takes; Latency how the many one time request raises throughput is";
    expect(vocabularyCopy(index, shuffled, none)).toBeNull();
    expect(reorderedCopy(index, shuffled, none)).toBe(true);
  });

  it("a paraphrase in the same words, or the model answer under calibration, is not", () => {
    expect(
      reorderedCopy(
        index,
        "Latency is how long a single request takes, while throughput counts the requests done each second; batching raises throughput.",
        none,
      ),
    ).toBe(false);
    expect(reorderedCopy(index, source, new Set([0]))).toBe(false);
    expect(reorderedCopy(index, "Latency is the time one request takes.", none)).toBe(false);
  });
});
