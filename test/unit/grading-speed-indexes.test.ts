import { describe, expect, it } from "vitest";
import { gradeQuestion } from "../../server/grading/index.js";
import { buildCopyIndex, reorderedCopy } from "../../server/grading/integrity/copy-index.js";
import { analyse, analyseTerm, lemmaTermPositions } from "../../server/grading/language/index.js";
import { saidBy, termWordMatcher } from "../../server/grading/language/term-word.js";
import { tokenKinds } from "../../server/grading/language/token-kinds.js";
import type { Pack } from "../../server/scenarios/index.js";
import { oneCriterionPack } from "../helpers/one-criterion.js";

// The speed work of session 13 (docs/grading-history.md, Session 13, "speed") reads an answer's words through indexes instead of
// asking every token: these pin that each index finds exactly what the reading it replaced found, and that
// nothing kept between answers outlives the pack text it was made from. Timing is never asserted here.

describe("a term word is found through the answer's token kinds exactly where its matcher accepts a token", () => {
  // Inflections, relatives, a capitalised plural, a function word spelled like a term word ("us"), slips of a
  // word and of a stem, and words of nothing.
  const text =
    "Costs are going up. Let us cache the results, since caching and cached pages help. The US team requires " +
    "retries; it reqiures a retransmision budget and reliable, relaible clients. Populated tables cost less. " +
    "The population grows and the server stores each request.";
  const lemmas = ["cache", "cost", "require", "us", "retransmi", "reliab", "populate", "store", "grow", "server", "pages"];

  for (const [name, answer] of [
    ["a long answer (the term word's forms looked up)", text],
    // Fewer kinds than most families have forms: each kind is asked of the family instead.
    ["a short answer (the kinds looked up in the family)", "It caches. We grow."],
  ] as const) {
    it(name, () => {
      const a = analyse(answer);
      const kinds = tokenKinds(a);
      for (const lemma of lemmas) {
        const matcher = termWordMatcher(lemma);
        const byKind = saidBy(matcher, a, kinds);
        const found = a.tokens.map((_, i) => byKind[kinds.kinds[i]!] === 1);
        expect(found, lemma).toEqual(a.tokens.map((t) => matcher(t)));
      }
    });
  }

  it("finds a multi-word term's places as the token-by-token scan did", () => {
    const a = analyse("The cache keeps recent answers. A cached answer is served; cache keeps grow.");
    // Tokens without punctuation: The(0) cache(1) keeps ... A(5) cached(6) answer(7) ... cache(10) keeps(11).
    expect(lemmaTermPositions(a, "cache keeps").positions).toEqual([1, 10]);
    expect(lemmaTermPositions(a, "cached answer").positions).toEqual([6]);
    expect(lemmaTermPositions(a, "answer cache").positions).toEqual([]);
  });
});

describe("a reordered model answer: sources of another size are skipped without changing the verdict", () => {
  const source = "the cache keeps the recent answers of each user for one hour so repeats cost nothing at all";
  const index = buildCopyIndex([source]);
  const words = source.split(" ");
  const reordered = [...words].reverse();

  it("is found at the edge of the overlap asked of both texts", () => {
    // 18 source words: a text of 20 words sharing all 18 has 90% of its words from the source.
    expect(words).toHaveLength(18);
    expect(reorderedCopy(index, [...reordered, "really", "quickly"].join(" "), new Set())).toBe(true);
    expect(reorderedCopy(index, reordered.slice(0, 17).join(" "), new Set())).toBe(true);
  });

  it("is not found one word past that edge, either way", () => {
    expect(reorderedCopy(index, [...reordered, "really", "quite", "quickly"].join(" "), new Set())).toBe(false);
    expect(reorderedCopy(index, reordered.slice(0, 16).join(" "), new Set())).toBe(false);
  });
});

describe("what is kept between answers follows the pack's text", () => {
  const modelAnswer =
    "The cache keeps recent answers per user for an hour, so a repeated question costs nothing and the model is not called again.";
  const build = (answer: string, terms = ["cache"]): Pack =>
    oneCriterionPack({
      prompt: "How would you make repeated questions cheap?",
      concepts: [{ label: "caches answers", terms }],
      exemplars: [{ level: "strong", answer, score: 4 }],
    });
  const reorderedCopyOf = (text: string) => text.replace(/[.,]/g, "").split(" ").reverse().join(" ");
  const copied = (pack: Pack, text: string) => {
    const fresh = JSON.parse(JSON.stringify(pack)) as Pack;
    return gradeQuestion(fresh.questions[0]!, [{ text }], { pack: fresh }).flags.some((f) => f.kind === "copied-model-answer");
  };

  it("a model answer edited in place (same id and version) is compared as edited, and back again", () => {
    const original = build(modelAnswer);
    const edited = build("Answers are stored per user with a short expiry, and the provider's prompt caching lowers the price.");
    expect(edited.id).toBe(original.id);
    expect(edited.version).toBe(original.version);
    const answer = reorderedCopyOf(modelAnswer);
    expect(copied(original, answer)).toBe(true);
    expect(copied(edited, answer)).toBe(false);
    expect(copied(original, answer)).toBe(true);
  });

  it("a key point's term edited in place is read in its new wording", () => {
    const answer = "Repeated questions are answered from a cache that keeps each answer for an hour.";
    const score = (terms: string[]) => {
      const pack = JSON.parse(JSON.stringify(build(modelAnswer, terms))) as Pack;
      return gradeQuestion(pack.questions[0]!, [{ text: answer }], { pack }).scores[0]!.evidence.map((e) => e.note);
    };
    expect(score(["cache"])).toEqual(["caches answers"]);
    expect(score(["memoise"])).toEqual([]);
    expect(score(["cache"])).toEqual(["caches answers"]);
  });

  it("a term's reading is the reading of its text, whatever was read before", () => {
    expect(analyseTerm("prompt caching")).toEqual(analyse("prompt caching"));
    expect(analyseTerm("prompt caching")).toBe(analyseTerm("prompt caching"));
    expect(analyseTerm("no retries").tokens.map((t) => t.lemma)).toEqual(analyse("no retries").tokens.map((t) => t.lemma));
  });
});
