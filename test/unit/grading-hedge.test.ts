import { describe, expect, it } from "vitest";
import { gradeQuestion } from "../../server/grading/index.js";
import { QuestionSchema, type Question } from "../../server/scenarios/index.js";
import { gradeOne, keyPointCriterion, keyPointQuestion, oneCriterionPack } from "../helpers/one-criterion.js";

/**
 * A hedge offers the key point as one of rival alternatives ("LIFO or FIFO"): the
 * answer has not said which holds, so the point earns nothing (hedge.ts). A list of
 * key points joined by "or", a restatement, and an uncertain answer that commits
 * keep their credit.
 */
const shown = (pack: ReturnType<typeof oneCriterionPack>, text: string) => gradeOne(pack, text).criterion.evidence.map((e) => e.note);

const stackOrder = oneCriterionPack({
  prompt: "In what order does a stack hand back its elements?",
  concepts: [{ label: "LIFO", terms: ["LIFO", "last in, first out", "last-in-first-out"] }],
  exemplars: [{ level: "strong", answer: "A stack is LIFO: the last element pushed is the first one popped.", score: 4 }],
});
const search = oneCriterionPack({
  prompt: "What is the time complexity of binary search on a sorted array?",
  concepts: [{ label: "logarithmic", terms: ["O(log n)", "log n", "logarithmic"] }],
  exemplars: [{ level: "strong", answer: "Binary search runs in O(log n), since every comparison halves the range.", score: 4 }],
});
const timeout = oneCriterionPack({
  prompt: "What per-call timeout does the design use for the cache look-up?",
  concepts: [{ label: "10 ms timeout", terms: ["10 ms"] }],
  exemplars: [{ level: "strong", answer: "The cache look-up times out after 10 ms and the request falls through.", score: 4 }],
});
const protocol = oneCriterionPack({
  prompt: "Which transport protocol guarantees delivery?",
  concepts: [{ label: "TCP", terms: ["TCP", "transmission control protocol"] }],
  exemplars: [{ level: "strong", answer: "TCP guarantees delivery: it acknowledges and retransmits lost segments.", score: 4 }],
});
const deadlock = oneCriterionPack({
  prompt: "Which conditions must all hold for a deadlock?",
  concepts: [
    { label: "mutual exclusion", terms: ["mutual exclusion"] },
    { label: "hold and wait", terms: ["hold and wait"] },
    { label: "no preemption", terms: ["no preemption"] },
    { label: "circular wait", terms: ["circular wait"] },
  ],
  exemplars: [{ level: "strong", answer: "Mutual exclusion, hold and wait, no preemption and circular wait all hold.", score: 4 }],
});
const collisions = oneCriterionPack({
  prompt: "Name one way a hash table resolves collisions.",
  concepts: [
    { label: "chaining", terms: ["chaining"] },
    { label: "open addressing", terms: ["open addressing", "probing"] },
  ],
  enough: 1,
  exemplars: [{ level: "strong", answer: "Separate chaining keeps a list per bucket.", score: 4 }],
});

describe("a key point offered as one of rival alternatives", () => {
  it("earns nothing when its rival is a value of the same kind", () => {
    for (const text of [
      "A stack could be LIFO or FIFO.",
      "It is either FIFO or LIFO, I forget which.",
      "The stack works LIFO or maybe FIFO.",
      "A stack is LIFO, FIFO or random access, depending on the library.",
      "It pops FIFO, by priority, or LIFO.",
    ])
      expect(shown(stackOrder, text), text).toEqual([]);
    for (const text of ["It's maybe O(log n), or O(n).", "Binary search is O(n) or O(log n).", "It is either O(log n) or O(n log n)."])
      expect(shown(search, text), text).toEqual([]);
    expect(shown(timeout, "It waits 10 ms or 100 ms, then falls through.")).toEqual([]);
    expect(shown(protocol, "TCP or UDP guarantees delivery.")).toEqual([]);
  });

  it("scores 0 and says why, not a share of similarity", () => {
    const { score, criterion } = gradeOne(stackOrder, "A stack could be LIFO or FIFO: the last element pushed may be popped first.");
    expect(score).toBe(0);
    expect(criterion.feedback).toContain("Offered only as one of several alternatives, not stated: LIFO.");
  });

  it("keeps the credit of an uncertain answer that commits to one", () => {
    for (const text of [
      "I think it's LIFO.",
      "Probably LIFO, the last one pushed comes out first.",
      "A stack is LIFO, or last in, first out.",
    ])
      expect(shown(stackOrder, text), text).toEqual(["LIFO"]);
    for (const text of [
      "Probably O(log n).",
      "I believe it is O(log n), not O(n).",
      "It takes log n time, because each step halves the range.",
    ])
      expect(shown(search, text), text).toEqual(["logarithmic"]);
    expect(shown(timeout, "It waits 10 ms, then falls through.")).toEqual(["10 ms timeout"]);
    expect(shown(protocol, "TCP guarantees delivery, not UDP.")).toEqual(["TCP"]);
    expect(shown(protocol, "I'm fairly sure TCP does, since it retransmits lost segments.")).toEqual(["TCP"]);
  });

  it("keeps the key points of a real list joined by 'or'", () => {
    expect(shown(deadlock, "There is mutual exclusion and hold and wait. A deadlock also has circular wait or no preemption.")).toEqual([
      "mutual exclusion",
      "hold and wait",
      "no preemption",
      "circular wait",
    ]);
    expect(gradeOne(collisions, "You can use chaining or open addressing.").criterion.score).toBe(4);
  });

  it("reads 'X or Y' in a design answer as options offered, not a fork left open", () => {
    // Two criteria, explained model answers: a design question, where offering options is a good answer.
    const design = QuestionSchema.parse({
      id: "latency",
      kind: "system-design",
      level: "mid",
      title: "Latency",
      prompt: "How would you cut the latency of an LLM endpoint that answers the same questions often?",
      timeGuideMinutes: 5,
      rubric: [
        keyPointCriterion({ criterionId: "reuse", concepts: [{ label: "cache", terms: ["cache", "caching"] }] }),
        keyPointCriterion({ criterionId: "transport", concepts: [{ label: "gRPC", terms: ["gRPC", "streaming"] }] }),
      ],
      exemplars: [
        {
          level: "strong",
          answer:
            "Put a semantic cache in front of the model so repeated questions skip generation, and stream tokens over gRPC so the first words arrive early.",
          scores: { reuse: 4, transport: 4 },
        },
      ],
    });
    const graded = gradeQuestion(design, [
      { text: "I would add a cache or streaming in front of the model, and serve it over HTTP or GRPC." },
    ]);
    expect(graded.scores.map((s) => s.evidence.map((e) => e.note))).toEqual([["cache"], ["gRPC"]]);
  });
});

/** A contrast question: LIFO is the stack's, FIFO the queue's; "delivery" is TCP's. */
const contrast = keyPointQuestion;
const stackQueue = contrast(
  "stack-queue",
  "What is the difference between a stack and a queue?",
  [
    { label: "stack LIFO", terms: ["LIFO", "last in first out"] },
    { label: "queue FIFO", terms: ["FIFO", "first in first out"] },
  ],
  "A stack is LIFO. A queue is FIFO.",
);
const tcpUdp = contrast(
  "tcp-udp",
  "What is the difference between TCP and UDP?",
  [
    { label: "reliable", terms: ["guarantees delivery", "reliable"] },
    { label: "connectionless", terms: ["connectionless"] },
  ],
  "TCP guarantees delivery and is reliable. UDP is connectionless.",
);
const notes = (q: Question, text: string) => gradeQuestion(q, [{ text }]).scores[0]!.evidence.map((e) => e.note);

describe("a hedge on a question contrasting two things", () => {
  it("refuses the term when its rival is the other thing's term", () => {
    expect(notes(stackQueue, "A stack could be LIFO or FIFO, and a queue is FIFO.")).toEqual(["queue FIFO"]);
    expect(notes(stackQueue, "A stack is LIFO and a queue is FIFO.")).toEqual(["stack LIFO", "queue FIFO"]);
  });

  it("refuses a term said of both things offered as alternatives", () => {
    for (const text of ["TCP or UDP guarantees delivery.", "I think UDP or TCP is the reliable one."])
      expect(notes(tcpUdp, text), text).toEqual([]);
    expect(notes(tcpUdp, "TCP guarantees delivery; UDP is connectionless.")).toEqual(["reliable", "connectionless"]);
  });
});
