import { describe, expect, it } from "vitest";
import { gradeQuestion } from "../../server/grading/index.js";
import type { Pack } from "../../server/scenarios/index.js";
import { gradeOne, oneCriterionPack } from "../helpers/one-criterion.js";

/** Packs written for these tests from an answer key; answers are worded apart from the exemplars. */
const tokenizer: Pack = oneCriterionPack({
  id: "tokenizer",
  title: "What a tokenizer does",
  prompt: "What does a tokenizer do in a language-model pipeline?",
  description: "Splits text into subword tokens and maps each to an integer id from a vocabulary.",
  concepts: [
    { label: "splits text into tokens", terms: ["split", "subword", "pieces"] },
    { label: "maps tokens to ids", terms: ["id", "vocabulary", "integer"] },
  ],
  exemplars: [
    {
      level: "strong",
      answer: "A tokenizer splits raw text into subword pieces and maps each piece to an integer id from its vocabulary.",
      score: 4,
    },
    { level: "weak", answer: "It writes the reply to the user.", score: 0 },
  ],
});
const caching: Pack = oneCriterionPack({
  id: "cache",
  title: "Why cache embeddings",
  prompt: "Why would you cache embeddings?",
  description: "The same text gives the same vector, so a cache saves cost and latency.",
  concepts: [
    { label: "same text gives same vector", terms: ["same text", "same vector", "deterministic"] },
    { label: "saves cost", terms: ["cost", "money", "api call"] },
  ],
  exemplars: [
    {
      level: "strong",
      answer: "The same text always gives the same vector, so caching avoids paying for another API call and saves cost.",
      score: 4,
    },
    { level: "weak", answer: "Caches are for images.", score: 0 },
  ],
});
const tree: Pack = oneCriterionPack({
  id: "leaf",
  title: "What a leaf is",
  prompt: "What is a leaf node in a tree?",
  description: "A leaf is a node with no children.",
  concepts: [{ label: "no children", terms: ["no children", "no child"] }],
  exemplars: [
    { level: "strong", answer: "A leaf is a node of the tree that has no children.", score: 4 },
    { level: "weak", answer: "It is green.", score: 0 },
  ],
});

const grade = (pack: Pack, text: string) => gradeQuestion(pack.questions[0]!, [{ text }], { pack }).scores[0]!;
const earned = (pack: Pack, text: string) => grade(pack, text).evidence.map((e) => e.note);

describe("a key point stated and denied of the same thing is taken back", () => {
  it.each([
    "A tokenizer splits text into subword tokens and maps them to ids. It does not split text; it translates the prompt.",
    "Tokenizers split input into subword pieces with vocabulary ids. Actually they don't split anything, they summarise it.",
    "The tokenizer splits the text into pieces and gives each an integer id. The tokenizer never splits the text, though.",
  ])("%s", (text) => {
    const s = grade(tokenizer, text);
    expect(earned(tokenizer, text)).toEqual(["maps tokens to ids"]);
    expect(s.feedback).toContain("States both splits text into tokens and its opposite.");
    expect(s.score).toBeLessThan(4);
  });

  it("a denial of the verb the key point is stated with takes the point back ('doesn't save any cost')", () => {
    const text = "The same text gives the same vector every time, and caching saves the cost of calls. It doesn't save any cost, though.";
    expect(earned(caching, text)).toEqual(["same text gives same vector"]);
    expect(grade(caching, text).feedback).toContain("States both saves cost and its opposite.");
  });

  it("keeps the point when the denial speaks of something else (a contrast)", () => {
    expect(
      earned(
        tokenizer,
        "A tokenizer splits text into subword tokens and maps them to ids. A detokenizer does not split text; it joins the pieces.",
      ),
    ).toEqual(["splits text into tokens", "maps tokens to ids"]);
    const leaf = "A leaf has no children, unlike an internal node, which has children.";
    expect(earned(tree, leaf)).toEqual(["no children"]);
    expect(grade(tree, leaf).score).toBe(4);
    // A right answer that does not deny anything keeps full marks.
    expect(grade(tokenizer, "It cuts text into subword pieces and looks up an integer id for each in its vocabulary.").score).toBe(4);
  });

  it("a point only denied is an opposite, and the answer earns nothing for it", () => {
    const s = grade(tree, "A leaf is a node that has children below it in the tree.");
    expect(s.score).toBe(0);
    expect(s.feedback).toContain("States the opposite of: no children.");
  });
});

describe("a key point whose label already denies its term", () => {
  it("is agreed with, not taken back, by a negation of that term", () => {
    const kv = oneCriterionPack({
      prompt: "What is the KV cache for in transformer inference?",
      concepts: [
        { label: "stores keys and values of previous tokens", terms: ["keys and values"] },
        { label: "avoids recomputation, faster decoding", terms: ["recomput", "speeds up generation", "faster decoding"] },
      ],
      exemplars: [
        {
          level: "strong",
          answer: "It stores the keys and values of previous tokens so they are not recomputed at each step, which speeds up generation.",
          score: 4,
        },
      ],
    });
    for (const text of [
      "It speeds up generation. It stores the keys and values of previous tokens so they are not recomputed.",
      "The keys and values of earlier tokens are kept, so nothing is recomputed; that means faster decoding.",
    ]) {
      const { criterion } = gradeOne(kv, text);
      expect(criterion.feedback, text).not.toMatch(/opposite/);
      expect(criterion.score, text).toBe(4);
    }
  });
});
