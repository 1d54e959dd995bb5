import { describe, expect, it } from "vitest";
import { findTerm } from "../../server/grading/match.js";
import { questionTerms } from "../../server/grading/language/index.js";
import { keyPointQuestion } from "../helpers/one-criterion.js";

/**
 * Terms match at a word start so an author may write a stem, but a term that is itself an English
 * word fires inside a longer word only when that word still says it (language/term-prefix.ts).
 */
const found = (text: string, term: string) => findTerm(text.toLowerCase(), term) >= 0;

describe("a term that is an English word, inside a longer word", () => {
  it("does not fire inside an unrelated word", () => {
    for (const [text, term] of <[string, string][]>[
      ["The counterfeit invoice was caught.", "count"],
      ["Ship it to every country.", "count"],
      ["Read the article first.", "art"],
      ["Raise capital from investors.", "cap"],
      ["Planning capacity for the peak.", "cap"],
      ["Put it in \\begin{document}.", "\\b"],
      ["A Spanish translation.", "span"],
      ["My prompt was too long.", "my pr"],
      ["We asked them twice.", "asked the"],
    ])
      expect(found(text, term), `${term} in ${text}`).toBe(false);
  });

  it("fires on the word's own forms, its relatives, compounds and other spellings", () => {
    for (const [text, term] of <[string, string][]>[
      ["We counted the tokens.", "count"],
      ["It counts retries.", "count"],
      ["A countable set.", "count"],
      ["Cached answers save money.", "cache"],
      ["The delay is capped at 30 s.", "cap"],
      ["We log everything through one logger.", "logger"],
      ["It was approved by the board.", "approve"],
      ["The reviewer left nitpicks.", "nit"],
      ["Search the catalogue.", "catalog"],
      ["The bulbs are on one closed pathway.", "path"],
      ["The response streaming starts at once.", "stream"],
      ["Missing fields are rejected.", "miss"],
      ["Given the result, we stop.", "give"],
      ["Wait for the acknowledgement.", "acknowledge"],
      ["Two busses share the line.", "bus"],
    ])
      expect(found(text, term), `${term} in ${text}`).toBe(true);
  });

  it("keeps compounds that are not words of their own", () => {
    for (const [text, term] of <[string, string][]>[
      ["Train the tokenizer on the corpus.", "token"],
      ["Store the embeddings in a vector index.", "embedding"],
      ["A cross-encoder reranker reorders them.", "rerank"],
      ["Log the token_count of each call.", "token"],
    ])
      expect(found(text, term), `${term} in ${text}`).toBe(true);
  });
});

describe("a term that is a stem", () => {
  it("keeps its prefix match", () => {
    for (const [text, term] of <[string, string][]>[
      ["Retries back off.", "retr"],
      ["The endpoint is idempotent.", "idempot"],
      ["We fine-tuned the model.", "fine-tun"],
      ["Every job is time-boxed.", "time-box"],
    ])
      expect(found(text, term), `${term} in ${text}`).toBe(true);
  });
});

describe("which words are the question's terms", () => {
  const isTerm = questionTerms(
    keyPointQuestion(
      "q",
      "How do you count tokens?",
      [
        { label: "count", terms: ["count"] },
        { label: "retries", terms: ["retr"] },
      ],
      "Count the tokens and the retries.",
    ),
  );

  it("follows the same rule as evidence matching", () => {
    expect(isTerm("counting")).toBe(true);
    expect(isTerm("counterfeit")).toBe(false);
    expect(isTerm("country")).toBe(false);
    expect(isTerm("retrying")).toBe(true);
    expect(isTerm("retrieval")).toBe(true);
  });
});
