import { describe, expect, it } from "vitest";
import { gradeQuestion } from "../../server/grading/index.js";
import { withoutSwappedClauses } from "../../server/grading/role-swap.js";
import { termRoles } from "../../server/grading/roles.js";
import { QuestionSchema, type Pack, type Question } from "../../server/scenarios/index.js";
import { oneCriterionPack } from "../helpers/one-criterion.js";

/** A one-criterion contrast question written for these tests, so similarity counts on its own too. */
const pack: Pack = oneCriterionPack({
  id: "process-vs-thread",
  title: "Process versus thread",
  prompt: "What is the difference between a process and a thread?",
  criterionId: "memory",
  criterionTitle: "Memory",
  description: "A process has its own address space; threads share the memory of their process.",
  anchors: { "0": "None.", "1": "Vague.", "2": "One side.", "3": "Both.", "4": "Both, with the consequence." },
  concepts: [
    { label: "process has its own address space", terms: ["own address space", "separate address space"] },
    { label: "threads share memory", terms: ["share memory", "shared memory", "share the memory"] },
  ],
  exemplars: [
    {
      level: "strong",
      answer:
        "A process has its own address space, isolated from other processes by the operating system. Threads share the memory of their process, so switching between them is cheaper but they need locks.",
      score: 4,
    },
    { level: "weak", answer: "They are both ways to run programs on a computer, one is bigger than the other.", score: 0 },
  ],
});
const question: Question = pack.questions[0]!;
const score = (text: string) => gradeQuestion(question, [{ text }], { pack }).scores[0]!;
// Worded apart from the exemplar, so no copied-answer check is involved.
const SWAPPED =
  "Every thread gets its own address space that nobody else can touch, while processes share memory with each other inside one program, which makes a switch cheap.";
const RIGHT =
  "Every process gets its own address space that nobody else can touch, while threads share memory with each other inside one process, which makes a switch cheap.";
const HALF =
  "Every process gets its own address space that nobody else can touch, while processes share memory with each other inside one program.";

describe("similarity does not credit a statement whose roles are swapped", () => {
  it("blanks the clauses that pair a term with the other entity, and only those", () => {
    const roles = termRoles(question)!;
    expect(roles.entities).toEqual(["process", "thread"]);
    const kept = withoutSwappedClauses("A thread has its own address space. Threads share memory.", roles);
    expect(kept).not.toMatch(/own address space/);
    expect(kept).toContain("Threads share memory.");
    expect(kept.length).toBe("A thread has its own address space. Threads share memory.".length);
  });

  it("keeps a denied swap, which is true, and text of a question that contrasts nothing", () => {
    const roles = termRoles(question)!;
    const denied = "A thread does not have its own address space.";
    expect(withoutSwappedClauses(denied, roles)).toBe(denied);
    expect(withoutSwappedClauses("A thread has its own address space.", null)).toBe("A thread has its own address space.");
  });

  it("a swapped answer scores like a wrong one; the same words in the right roles score high", () => {
    const swapped = score(SWAPPED);
    expect(swapped.evidence).toEqual([]);
    // Before: level 2 on the similarity share alone (59% of the reference). Now only the unswapped
    // remainder ("which makes a switch cheap") counts.
    expect(swapped.score).toBeLessThanOrEqual(1);
    expect(Number(/States (\d+)%/.exec(swapped.feedback)?.[1] ?? 0)).toBeLessThan(20);
    expect(score(RIGHT).score).toBe(4);
  });

  it("a half-swapped answer keeps the similarity of its right half", () => {
    const half = score(HALF);
    expect(half.evidence.map((e) => e.note)).toEqual(["process has its own address space"]);
    expect(half.score).toBeGreaterThan(score(SWAPPED).score);
    expect(half.score).toBeLessThan(score(RIGHT).score);
  });

  it("a stack said to be FIFO and a queue LIFO keeps no word for similarity", () => {
    const stackQueue = QuestionSchema.parse({
      ...question,
      id: "stack-vs-queue",
      title: "Stack versus queue",
      prompt: "What is the difference between a stack and a queue?",
      rubric: [
        {
          ...question.rubric[0]!,
          id: "order",
          description: "A stack is LIFO; a queue is FIFO.",
          evidence: {
            concepts: [
              { label: "stack is LIFO", terms: ["LIFO"] },
              { label: "queue is FIFO", terms: ["FIFO"] },
            ],
          },
        },
      ],
      exemplars: [],
    });
    const roles = termRoles(stackQueue);
    expect(withoutSwappedClauses("A stack is FIFO and a queue is LIFO.", roles).trim()).toBe("and                .");
    expect(withoutSwappedClauses("A stack is LIFO and a queue is FIFO.", roles)).toBe("A stack is LIFO and a queue is FIFO.");
  });
});
