import { describe, expect, it } from "vitest";
import { conceptCoverage } from "../../server/grading/index.js";
import { complementsOf, weightedRecall } from "../../server/grading/language/index.js";
import { gradeOne, oneCriterionPack, singleTermCriterion } from "../helpers/one-criterion.js";

const shown = (terms: string[], answer: string) => conceptCoverage(singleTermCriterion(...terms), answer).hits.map((h) => h.label);

describe("a denied complement says the word (language/antonyms.ts)", () => {
  it("reads the denial of a word's complement as the word", () => {
    expect(shown(["asynchronous"], "The client call is not synchronous, so the page keeps rendering.")).toEqual(["asynchronous"]);
    expect(shown(["incomplete"], "The upload was not complete when the worker restarted.")).toEqual(["incomplete"]);
    expect(shown(["different"], "The two replicas are not in the same region.")).toEqual(["different"]);
    expect(shown(["invalid"], "The retry fails because the token is no longer valid.")).toEqual(["invalid"]);
  });

  it("reads a negative key point said with the complement, no negation needed", () => {
    expect(shown(["not valid"], "The request carries an invalid token.")).toEqual(["not valid"]);
    expect(shown(["no closed connection"], "The pool keeps an open connection to the database.")).toEqual(["no closed connection"]);
  });

  it("keeps polarity: the complement itself, or a doubly denied one, is not the word", () => {
    expect(shown(["asynchronous"], "The client call is synchronous and blocks the page.")).toEqual([]);
    expect(shown(["incomplete"], "The upload was complete before the worker restarted.")).toEqual([]);
    expect(shown(["not valid"], "The token is not invalid; the clock is skewed.")).toEqual([]);
  });

  it("gives gradable words and words with a middle ground no complement: 'not fast' is not 'slow'", () => {
    for (const word of ["fast", "slow", "high", "low", "empty", "cheap", "good", "more", "positive", "negative"])
      expect([...complementsOf(word)], word).toEqual([]);
    expect(shown(["slow"], "The cold start is not fast enough for the demo.")).toEqual([]);
    expect(shown(["low"], "The recall is not high on long queries.")).toEqual([]);
    expect(shown(["negative"], "The test result was not positive.")).toEqual([]);
    expect(complementsOf("open").has("closed")).toBe(true);
    expect(complementsOf("different").has("same")).toBe(true);
  });

  it("similarity carries a reference word by its denied complement, at part of its weight, never by the complement", () => {
    const reference = new Map([["asynchronous", 1]]);
    expect(weightedRecall(new Map([["not_synchronous", 1]]), reference)).toBeCloseTo(0.5);
    expect(weightedRecall(new Map([["synchronous", 1]]), reference)).toBe(0);
    // A reference that denies a word ("not the same") is carried by its complement, stated.
    expect(weightedRecall(new Map([["different", 1]]), new Map([["not_same", 1]]))).toBeCloseTo(0.5);
  });

  it("grades a paraphrase by denied complement above the opposite statement", () => {
    const pack = oneCriterionPack({
      prompt: "Why did the nightly export produce a corrupt archive?",
      concepts: [{ label: "incomplete upload", terms: ["incomplete"] }],
      exemplars: [{ level: "strong", answer: "The upload was incomplete when the archive was sealed.", score: 4 }],
    });
    const paraphrase = gradeOne(pack, "The upload was not complete when the archive was sealed.");
    const opposite = gradeOne(pack, "The upload was complete when the archive was sealed.");
    expect(paraphrase.criterion.score).toBe(4);
    expect(paraphrase.score).toBeGreaterThan(opposite.score);
  });
});
