import { describe, expect, it } from "vitest";
import { gradeQuestion } from "../../server/grading/index.js";
import { termRoles } from "../../server/grading/roles.js";
import { QuestionSchema, type Question } from "../../server/scenarios/index.js";
import { keyPointCriterion } from "../helpers/one-criterion.js";

/** A contrast question written for these tests: each term is said of one of two entities. */
const heapVsArray: Question = QuestionSchema.parse({
  id: "heap-vs-array",
  kind: "system-design",
  level: "junior",
  title: "Heaps and sorted arrays as priority queues",
  prompt: "What is the difference between a heap and an array kept sorted, for a priority queue?",
  timeGuideMinutes: 3,
  rubric: [
    keyPointCriterion({
      criterionId: "costs",
      criterionTitle: "Costs",
      description: "The insertion cost of each structure, with the reason.",
      anchors: { "0": "None.", "1": "Vague.", "2": "One.", "3": "Both.", "4": "Both with the reason." },
      concepts: [
        { label: "heap insert is logarithmic", terms: ["logarithmic", "log n"] },
        { label: "array insert is linear", terms: ["linear", "shifts elements", "shifting"] },
      ],
    }),
  ],
  exemplars: [
    {
      level: "strong",
      answer:
        "A heap inserts in O(log n) because it sifts the new key up one level at a time. An array kept sorted inserts in linear time, since it shifts elements to make room.",
      scores: { costs: 4 },
    },
  ],
});

const labels = (text: string) => gradeQuestion(heapVsArray, [{ text }]).scores[0]!.evidence.map((e) => e.note);

describe("who a term is said of", () => {
  it("learns from the references which entity each term belongs to", () => {
    const roles = termRoles(heapVsArray)!;
    expect(roles.entities).toEqual(["heap", "array"]);
    expect(roles.owners.get("log n")).toBe("heap");
    expect(roles.owners.get("shifts elements")).toBe("array");
    // A synonym the references never use takes its concept's owner.
    expect(roles.owners.get("shifting")).toBe("array");
  });

  it("does not credit a term said of the other entity", () => {
    expect(labels("Adding to a heap takes linear work; the array adds a key with logarithmic work.")).toEqual([]);
  });

  it("credits the same terms said of the right entity, and a clause naming both or neither", () => {
    expect(labels("Adding to a heap takes logarithmic work; the array adds a key with linear work.")).toEqual([
      "heap insert is logarithmic",
      "array insert is linear",
    ]);
    expect(labels("Compared with an array, a heap inserts in logarithmic time. Insertion there is linear.")).toContain(
      "heap insert is logarithmic",
    );
  });

  it("leaves questions that contrast nothing alone", () => {
    expect(termRoles({ ...heapVsArray, title: "Priority queues", prompt: "How would you build a priority queue?" })).toBeNull();
  });
});
