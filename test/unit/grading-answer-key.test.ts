import { describe, expect, it } from "vitest";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { PackSchema, type Pack } from "../../server/scenarios/index.js";
import { keyPointCriterion } from "../helpers/one-criterion.js";

/**
 * Questions written from an answer key the way docs/scenario-format.md asks a
 * hiring team to ("Writing a question from an answer key"), and answers of the
 * classes an outside audit found mis-graded on such packs.
 */
const ANCHORS = { "0": "Wrong.", "1": "A fragment.", "2": "Half.", "3": "Most.", "4": "All." };

type Q = { id: string; title: string; prompt: string; concepts: { label: string; terms: string[] }[]; enough?: number; strong: string };

function pack(questions: Q[]): Pack {
  return PackSchema.parse({
    id: "answer-key",
    title: "Answer key",
    description: "Short computer-science questions.",
    rounds: [{ id: "all", kind: "system-design", title: "All", minutes: 10, pick: 1 }],
    questions: questions.map((q) => ({
      id: q.id,
      kind: "system-design",
      level: "junior",
      title: q.title,
      prompt: q.prompt,
      timeGuideMinutes: 2,
      rubric: [
        keyPointCriterion({
          concepts: q.concepts,
          description: "States the reference answer's points.",
          anchors: ANCHORS,
          ...(q.enough ? { enough: q.enough } : {}),
        }),
      ],
      exemplars: [{ level: "strong", answer: q.strong, scores: { correct: 4 } }],
    })),
  });
}

const P = pack([
  {
    id: "tcp-udp",
    title: "TCP versus UDP",
    prompt: "Give one difference between TCP and UDP.",
    concepts: [
      { label: "connection-oriented", terms: ["connection-oriented", "connection oriented", "connectionless", "handshake"] },
      { label: "reliable delivery", terms: ["reliab", "guarantee", "retransmi"] },
    ],
    enough: 1,
    strong:
      "TCP is connection-oriented and reliable, guaranteeing in-order delivery with retransmission, while UDP is connectionless and does not guarantee delivery.",
  },
  {
    id: "binary-search",
    title: "Binary search",
    prompt: "What is the worst-case time complexity of binary search, and why?",
    concepts: [
      { label: "logarithmic", terms: ["log n", "logarithm"] },
      { label: "halves the interval", terms: ["halv", "half"] },
    ],
    strong: "O(log n), because each comparison halves the remaining search interval.",
  },
  {
    id: "collisions",
    title: "Hash collisions",
    prompt: "Name one way a hash table can resolve collisions.",
    concepts: [
      { label: "chaining", terms: ["chaining", "linked list"] },
      { label: "cuckoo hashing", terms: ["cuckoo"] },
    ],
    enough: 1,
    strong: "Separate chaining, where each bucket stores a linked list of entries.",
  },
  {
    id: "deadlock",
    title: "Deadlock conditions",
    prompt: "Name the four necessary conditions for deadlock.",
    concepts: [
      { label: "mutual exclusion", terms: ["mutual exclusion"] },
      { label: "hold and wait", terms: ["hold and wait"] },
      { label: "no preemption", terms: ["no preemption"] },
      { label: "circular wait", terms: ["circular wait"] },
    ],
    strong: "Mutual exclusion, hold and wait, no preemption, and circular wait.",
  },
  {
    id: "dns",
    title: "DNS",
    prompt: "What does DNS do?",
    concepts: [
      { label: "domain names", terms: ["domain name", "hostname"] },
      { label: "to IP addresses", terms: ["ip address"] },
    ],
    strong: "DNS translates human-readable domain names into IP addresses.",
  },
  {
    id: "stack-queue",
    title: "Stack versus queue",
    prompt: "What is the difference between a stack and a queue?",
    concepts: [
      { label: "stack is LIFO", terms: ["lifo", "last in first out"] },
      { label: "queue is FIFO", terms: ["fifo", "first in first out", "order they arrived"] },
    ],
    strong:
      "A stack is last-in first-out (LIFO): the last element pushed is the first one popped. A queue is first-in first-out (FIFO): elements are removed in the order they were added.",
  },
]);

function grade(questionId: string, text: string) {
  const q = P.questions.find((x) => x.id === questionId)!;
  const graded = gradeQuestion(q, [{ text }], { pack: P });
  return { score: questionScore(q.rubric, graded.scores), criterion: graded.scores[0]!, flags: graded.flags };
}

describe("a pack written from an answer key", () => {
  it("gives its own reference answer full marks, though the reference is a note with no verb", () => {
    expect(grade("binary-search", "O(log n), because each comparison halves the remaining search interval.").score).toBe(100);
    expect(grade("deadlock", "Mutual exclusion, hold and wait, no preemption, and circular wait.").score).toBe(100);
  });

  it("counts every point of a short-answer item stated in one list sentence", () => {
    const { criterion } = grade("deadlock", "Mutual exclusion, hold and wait, no preemption and circular wait.");
    expect(criterion.feedback).toContain("Covered 4 of 4 key points");
  });

  it("never reads 'Covered 2 of 2' with a lower level", () => {
    const { criterion } = grade("binary-search", "It is O(log n) since every step halves what is left to search.");
    expect(criterion.feedback).toContain("Covered 2 of 2 key points");
    expect(criterion.score).toBe(4);
  });

  it("says when likeness to the reference moved the level", () => {
    const { criterion } = grade("binary-search", "Each comparison halves the remaining search interval of the sorted array.");
    expect(criterion.score).toBeGreaterThan(2);
    expect(criterion.feedback).toMatch(/likeness to the reference answer raises this to level \d/);
  });

  it("forgives a slip on a term written as a stem, never a real word", () => {
    expect(grade("tcp-udp", "TCP is relaible and UDP is not.").score).toBe(100);
    expect(grade("tcp-udp", "TCP will relabel the packets.").score).toBe(0);
  });

  it("reads a rubric term opening a sentence as its subject, not as an order about something else", () => {
    expect(grade("collisions", "Cuckoo hashing, which kicks the existing key out to its alternate location.").score).toBe(100);
  });

  it("does not take a textbook paraphrase of a short definition for a copy of the model answer", () => {
    const { score, flags } = grade(
      "stack-queue",
      "A stack is LIFO: the last element added is the first removed. A queue is FIFO: elements leave in the order they arrived.",
    );
    expect(flags.map((f) => f.kind)).not.toContain("copied-model-answer");
    expect(score).toBe(100);
  });

  it("reads an English answer followed by its translation", () => {
    const { score, criterion } = grade(
      "dns",
      "DNS translates human-readable domain names into IP addresses. El DNS traduce los nombres de dominio a direcciones IP.",
    );
    expect(criterion.feedback).not.toContain("another language");
    expect(score).toBe(100);
  });
});

describe("a contrast question ('X versus Y')", () => {
  it.each(["UDP guarantees delivery and ordering, TCP does not.", "TCP is connectionless while UDP is connection-oriented."])(
    "scores a swapped answer 0, as a wrong statement: %s",
    (text) => {
      const { score, criterion } = grade("tcp-udp", text);
      expect(score).toBe(0);
      expect(criterion.insufficientEvidence).toBe(false);
      expect(criterion.feedback).toContain("States the opposite of");
    },
  );

  it("gives no credit for a stem term said of the wrong one", () => {
    expect(grade("tcp-udp", "UDP is reliable and TCP is unreliable.").score).toBe(0);
  });

  it("credits the same words said of the right one, in any spelling the pack lists", () => {
    expect(grade("tcp-udp", "TCP guarantees delivery, UDP does not.").score).toBe(100);
    expect(grade("tcp-udp", "TCP is connection oriented while UDP is connectionless.").score).toBe(100);
  });

  it("scores 'a stack is FIFO, a queue is LIFO' as wrong", () => {
    const { score, criterion } = grade("stack-queue", "A stack is FIFO while a queue is LIFO.");
    expect(score).toBe(0);
    expect(criterion.feedback).toContain("States the opposite of");
  });
});
