import { describe, expect, it } from "vitest";
import { conceptCoverage, gradeQuestion, questionScore } from "../../server/grading/index.js";
import { isKnownWord, isTypoOf, weightedRecall, wordFamily } from "../../server/grading/language/index.js";
import type { Question } from "../../server/scenarios/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { gamingAnswers } from "../helpers/gaming.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";
import { singleTermCriterion } from "../helpers/one-criterion.js";

const criterion = singleTermCriterion;
const shown = (terms: string[], answer: string) => conceptCoverage(criterion(...terms), answer).hits.map((h) => h.label);

describe("term matching beyond exact lemmas", () => {
  it("forgives misspellings a reader forgives: unknown words within 1 edit (5-7 letters) or 2 (8+)", () => {
    expect(shown(["religion"], "The colonists wanted freedom of religon.")).toEqual(["religion"]);
    expect(shown(["speech"], "They wanted freedom of speach.")).toEqual(["speech"]);
    expect(shown(["population"], "The popultaion grew quickly.")).toEqual(["population"]);
    expect(shown(["independence"], "They declared independance in 1776.")).toEqual(["independence"]);
    expect(shown(["colony"], "The coloies wanted representation.")).toEqual(["colony"]);
    expect(shown(["separate"], "The bulbs are on seperate paths.")).toEqual(["separate"]);
  });

  it("never reads a real word as a slip for another, nor a short word as a slip", () => {
    expect(isKnownWord("form") && isKnownWord("casual")).toBe(true);
    expect(shown(["from"], "We fill in the form.")).toEqual([]);
    expect(shown(["form"], "It came from the server.")).toEqual([]);
    expect(shown(["causal"], "The tone is casual here.")).toEqual([]);
    expect(shown(["casual"], "The link is causal here.")).toEqual([]);
    // Four letters allow no edit: "lokc" is not "lock".
    expect(isTypoOf("lokc", "lock")).toBe(false);
    // The first letter must agree, and 8+ letters allow two edits, not three.
    expect(isTypoOf("xeligion", "religion")).toBe(false);
    expect(isTypoOf("relxxxon", "religion")).toBe(false);
    expect(isTypoOf("captialism", "capitalism")).toBe(true);
  });

  it("matches derivational relatives from WordNet, not more general words", () => {
    expect(shown(["capitalist"], "The economy was based on capitalism.")).toEqual(["capitalist"]);
    expect(shown(["capitalist"], "The economy was based on captialism.")).toEqual(["capitalist"]);
    expect(shown(["legislative"], "The legislature makes the laws.")).toEqual(["legislative"]);
    expect(shown(["religion"], "Many settlers were religious.")).toEqual(["religion"]);
    expect(shown(["declaration"], "They declare their independence.")).toEqual(["declaration"]);
    // A shorter, more general relative says less than the term.
    expect(wordFamily("worker").has("work")).toBe(false);
    expect(wordFamily("capitalist").has("capital")).toBe(false);
    expect(shown(["worker"], "The design works well.")).toEqual([]);
    expect(shown(["capitalist"], "The capital is Washington.")).toEqual([]);
  });

  it("keeps polarity: a negated relative or misspelling is not the term, and a negative term needs the negation", () => {
    expect(shown(["connected"], "The bulbs are not conected.")).toEqual([]);
    expect(shown(["connected"], "There is no connection between them.")).toEqual([]);
    expect(shown(["not connected"], "Bulb A is not conected to the battery.")).toEqual(["not connected"]);
    expect(shown(["not connected"], "Bulb A is conected to the battery.")).toEqual([]);
  });

  it("similarity carries a reference word by its relative or misspelling, with the same polarity", () => {
    const reference = new Map([
      ["capitalist", 0.6],
      ["connect", 0.8],
    ]);
    expect(weightedRecall(new Map([["capitalism", 1]]), reference)).toBeCloseTo((0.25 * 0.6) / 1.4);
    expect(weightedRecall(new Map([["conect", 1]]), reference)).toBeCloseTo(0.8 / 1.4);
    expect(weightedRecall(new Map([["not_connection", 1]]), reference)).toBe(0);
    expect(weightedRecall(new Map([["capital", 1]]), reference)).toBe(0);
  });
});

/** The question with every term word traded for a relative or a misspelling the grader now accepts. */
function widenedTerms(q: Question): Question {
  const widen = (word: string) => {
    const relative = [...wordFamily(word)][0];
    if (relative) return relative;
    // A slip inside a plain word (two letters swapped), as writers make them.
    const slip = /^[a-z]{6,}$/.test(word) ? `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}` : word;
    return isKnownWord(slip) ? word : slip;
  };
  return {
    ...q,
    rubric: q.rubric.map((c) => ({
      ...c,
      evidence: {
        ...c.evidence,
        concepts: c.evidence.concepts.map((k) => ({ ...k, terms: k.terms.map((t) => t.split(" ").map(widen).join(" ")) })),
      },
    })),
  };
}

describe("gaming with widened words", () => {
  const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
  // A test per question: the whole pack in one test took over 90 s (the hang limit) at load 25 on two cores.
  let graded = 0;
  let widened = 0;
  it.each(pack!.questions.filter((x) => x.kind !== "coding").map((q) => [q.id, q] as const))(
    "%s: keyword lists, salads and templated sentences of relatives and misspellings earn no more than the weak exemplar",
    (_id, q) => {
      const problems: string[] = [];
      const weak = q.exemplars.find((e) => e.level === "weak")!.answer;
      const weakScore = questionScore(q.rubric, gradeQuestion(q, [{ text: weak }], { pack, gradingExemplar: weak }).scores);
      const kinds = ["keyword list", "domain-word salad", "salad in sentences", "templated keyword sentences"];
      const moved = widenedTerms(q);
      if (JSON.stringify(moved.rubric) !== JSON.stringify(q.rubric)) widened++;
      for (const g of gamingAnswers(moved).filter((x) => kinds.includes(x.kind))) {
        const score = questionScore(q.rubric, gradeQuestion(q, [{ text: g.text }], { pack }).scores);
        graded++;
        if (score > weakScore) problems.push(`${q.id} ${g.kind}: ${score} > ${weakScore}`);
      }
      expect(problems).toEqual([]);
    },
  );
  it("widened the terms of more than 20 questions and graded more than 100 answers", () => {
    expect(widened).toBeGreaterThan(20);
    expect(graded).toBeGreaterThan(100);
  });
});
