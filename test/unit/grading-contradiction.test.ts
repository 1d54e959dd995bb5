import { describe, expect, it } from "vitest";
import { oppositeOf } from "../../server/grading/language/index.js";
import type { Pack } from "../../server/scenarios/index.js";
import { gradeOne, oneCriterionPack, type KeyPoint } from "../helpers/one-criterion.js";

/**
 * A wrong answer often shares most of its words with the right one ("a node
 * with children" / "a node with no children"). Stating the opposite of a key
 * point is graded as wrong, not rescued by similarity to the reference, and
 * the report says which point it contradicts.
 */
function pack(concepts: KeyPoint[], strong: string, prompt: string): Pack {
  return oneCriterionPack({ prompt, concepts, exemplars: [{ level: "strong", answer: strong, score: 4 }] });
}

const grade = gradeOne;

const leaf = pack(
  [{ label: "no children", terms: ["no children", "no child"] }],
  "A node with no children.",
  "What is a leaf node in a tree?",
);
const bulb = pack(
  [{ label: "connected", terms: ["connected to the battery", "closed path"] }],
  "The bulb is in a closed path with the battery.",
  "Why does bulb A light up?",
);

describe("an answer that states the opposite of a key point", () => {
  it("turns a term's polarity around", () => {
    expect(oppositeOf("no children")).toBe("children");
    expect(oppositeOf("Without a lock")).toBe("a lock");
    expect(oppositeOf("connected")).toBe("not connected");
  });

  it.each(["A leaf is a node with children.", "It is a node that has at least one child.", "A leaf node has children."])(
    "scores 0, not half marks from shared words: %s",
    (text) => {
      const { score, criterion } = grade(leaf, text);
      expect(score).toBe(0);
      expect(criterion.insufficientEvidence).toBe(false);
      expect(criterion.feedback).toContain("States the opposite of: no children");
    },
  );

  it("still credits the right answer, however it is phrased", () => {
    for (const text of ["A leaf is a node with no children.", "A node that does not have any children.", "it has no child nodes"])
      expect(grade(leaf, text).score, text).toBe(100);
  });

  it("does not call a contrast a contradiction when the key point is stated too", () => {
    const { score, criterion } = grade(leaf, "A leaf has no children, unlike an internal node, which has children.");
    expect(score).toBe(100);
    expect(criterion.feedback).not.toContain("opposite");
  });

  it("reads a negated positive point as its opposite", () => {
    const wrong = grade(bulb, "Bulb A is not connected to the battery.");
    expect(wrong.score).toBe(0);
    expect(wrong.criterion.feedback).toContain("States the opposite of: connected");
    expect(grade(bulb, "Bulb A is connected to the battery.").score).toBe(100);
  });

  it("leaves an answer that merely omits the point to similarity", () => {
    const { criterion } = grade(bulb, "The bulb and the battery are both in the circuit diagram.");
    expect(criterion.feedback).not.toContain("opposite");
  });
});

describe("an answer key of alternatives with one reference answer", () => {
  const layers = oneCriterionPack({
    title: "Layer",
    prompt: "Name one layer of the TCP/IP model and say what it does.",
    description: "Names a layer.",
    concepts: [
      { label: "transport", terms: ["transport"] },
      { label: "link", terms: ["link layer", "data link"] },
    ],
    enough: 1,
    exemplars: [{ level: "strong", answer: "The transport layer, which carries data between two processes.", score: 4 }],
  });

  it("gives full marks to another acceptable answer than the reference's", () => {
    const { score, criterion } = grade(layers, "The link layer moves frames between neighbouring machines on one network.");
    expect(criterion.feedback).toContain("Covered 1 of the 1 key point a full answer needs");
    expect(score).toBe(100);
  });

  it("still needs a stated alternative", () => {
    expect(grade(layers, "It moves frames between neighbouring machines on one network.").score).toBeLessThan(100);
  });
});
