import { describe, expect, it } from "vitest";
import { weightedRecall } from "../../server/grading/language/index.js";
import { paraphrases, SOFT } from "../../server/grading/language/soft-match.js";

const soft = SOFT!;

describe("paraphrases read from word vectors, checked against WordNet", () => {
  it("accepts a word WordNet links to the reference word and whose vector is close", () => {
    expect(paraphrases("britain", "england", soft)).toBe(true);
    expect(paraphrases("cheap", "inexpensive", soft)).toBe(true);
    expect(paraphrases("damaged", "broken", soft)).toBe(true);
  });

  it("never takes an opposite or a sister for a paraphrase, however close the vectors", () => {
    // Antonyms, directly, through an adjective's head, or through the kind of act ("reduce" is a way to decrease).
    expect(paraphrases("increase", "decrease", soft)).toBe(false);
    expect(paraphrases("increase", "reduce", soft)).toBe(false);
    expect(paraphrases("same", "different", soft)).toBe(false);
    expect(paraphrases("positive", "negative", soft)).toBe(false);
    expect(paraphrases("open", "closed", soft)).toBe(false);
    // Two kinds of one thing.
    expect(paraphrases("cat", "dog", soft)).toBe(false);
    // Rivals WordNet does not link are not paraphrases either (vectors 0.64).
    expect(paraphrases("tcp", "udp", soft)).toBe(false);
    // Frequent words sit close to each other whatever they mean.
    expect(paraphrases("state", "one", soft)).toBe(false);
  });

  it("earns a share of the word's weight in similarity, with the reference word's polarity", () => {
    const reference = new Map([
      ["britain", 0.6],
      ["colony", 0.8],
    ]);
    expect(weightedRecall(new Map([["england", 1]]), reference)).toBeCloseTo((soft.share * 0.6) / 1.4);
    expect(weightedRecall(new Map([["not_england", 1]]), reference)).toBe(0);
    expect(weightedRecall(new Map([["decrease", 1]]), new Map([["increase", 1]]))).toBe(0);
    // Off where similarity is a side signal (a question of several criteria).
    expect(weightedRecall(new Map([["england", 1]]), reference, { paraphrases: false })).toBe(0);
    // An answer word the reference uses for itself does not also stand in for another of its words.
    expect(
      weightedRecall(
        new Map([["england", 1]]),
        new Map([
          ["britain", 0.5],
          ["england", 0.5],
        ]),
      ),
    ).toBeCloseTo(0.5);
  });
});
