import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { analyse, claimSentences, questionTerms, termStuffed } from "../../server/grading/language/index.js";
import { relatesPlainly } from "../../server/grading/language/term-density.js";
import { answersAsSet, setQuestion } from "../../server/grading/language/set-answer.js";
import { canonicalQuestion } from "../../server/grading/canonical-question.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";
import { gradeOne, oneCriterionPack } from "../helpers/one-criterion.js";

/**
 * Plain words and short answers (session 16, branch `plain5`): a short honest sentence that is all the terms of a
 * pack with many synonyms was read as stuffing; a two-sentence note as a keyword bag; a field list of 8 items of one
 * criterion as a keyword list; and a criterion a plain-words answer spoke to without naming a key point earned 0.
 * Fixtures: test/fixtures/plain5/ (only `tune.yaml` is asserted here; `held.yaml` is the held-apart check, reported in
 * docs/session16-plain5.md).
 */

/** A Beetle-like pack written the way a team writes one: the reference's point with many synonyms. */
const CIRCUIT = oneCriterionPack({
  id: "closed-path",
  prompt: "Why does bulb A light in this circuit?",
  concepts: [
    {
      label: "closed path",
      terms: ["closed path", "closed circuit", "complete path", "complete circuit", "contained", "contain", "battery"],
    },
    { label: "no other components", terms: ["no other components", "any other components", "other components", "only the bulb", "path"] },
  ],
  exemplars: [
    { level: "strong", score: 4, answer: "A battery is contained in a closed path which does not contain any other components." },
    { level: "weak", score: 1, answer: "The bulb is connected." },
  ],
});
const circuitTerms = questionTerms(CIRCUIT.questions[0]!);
const first = (text: string) => {
  const a = analyse(text);
  const s = a.sentences[0]!;
  return relatesPlainly(s.text, a.tokens.slice(s.from, s.to));
};

describe("a short sentence of one plain clause is a claim, however dense in the rubric's terms", () => {
  const reference = "A battery is contained in a closed path which does not contain any other components";
  it("the Beetle reference is a claim and earns its points", () => {
    expect(first(reference)).toBe(true);
    expect(claimSentences(analyse(reference), circuitTerms).size).toBe(1);
    const graded = gradeOne(CIRCUIT, reference);
    expect(graded.flags).toEqual([]);
    expect(graded.criterion.score).toBeGreaterThanOrEqual(3);
    expect(graded.criterion.feedback).not.toContain("No key point");
  });
  it.each([
    // Strung on "and" and commas, with no phrase of its own opened: a list.
    "Closed path, battery, contained, other components and complete circuit and closed circuit.",
    // A run of terms with a verb and no article.
    "battery contained closed path contain other components complete circuit closed circuit only the bulb",
    // Long: the dense-sentence reading (relatesItsTerms) decides.
    "A battery is contained in a closed path which does not contain any other components and the complete circuit of the closed circuit contains the battery of the path.",
  ])("not a plain clause: %s", (text) => {
    expect(first(text)).toBe(false);
  });
});

const pack = loadPacksFromDir(BUILTIN_PACKS_DIR).find((p) => p.id === "ai-engineer")!;
const question = (id: string) => canonicalQuestion(pack.questions.find((q) => q.id === id)!);

describe("a short note of plain clauses is no keyword bag", () => {
  const q = question("lost-in-the-middle");
  const isTerm = questionTerms(q);
  it("two clauses, one a verbless fragment, are read by the sentence readers", () => {
    const note = "Context problem: the chunk is retrieved but lost in the middle of 40. Rerank to the top 5.";
    expect(termStuffed(note, isTerm)).toBe(false);
    const g = gradeQuestion(q, [{ text: note }], { pack });
    expect(g.flags).toEqual([]);
    expect(questionScore(q.rubric, g.scores)).toBeGreaterThan(0);
  });
  it("a run of term fragments with no clause among them is still stuffing", () => {
    expect(termStuffed("Context fault. Lost in the middle. Rerank top 5. Chunk ids. Rules at the end.", isTerm)).toBe(true);
  });
});

describe("a field list of one criterion may run to ten items", () => {
  const set = setQuestion(question("chatbot-logging-pii"))!;
  it("labelled fields of what to record, in the candidate's words", () => {
    expect(
      answersAsSet(
        "Each log record: conversation id, turn number, prompt version, model name, retrieved doc ids, token counts, latency in ms, thumbs rating",
        set,
      ),
    ).toBe(true);
  });
  it("the rubric's terms across criteria, or more than ten items, are still a dump", () => {
    expect(answersAsSet("conversation id, prompt version, redact, regex, pseudonym, rbac, ttl, replay", set)).toBe(false);
    expect(
      answersAsSet(
        "conversation id, turn number, prompt version, model name, doc ids, token counts, latency, thumbs, rating, trace, span",
        set,
      ),
    ).toBe(false);
  });
});

type Row = { questionId: string; kind: "plain" | "short" | "dump"; label: number; answer: string };
const tune = parse(readFileSync(new URL("../fixtures/plain5/tune.yaml", import.meta.url), "utf8")) as Row[];
const weak = (id: string) => {
  const q = question(id);
  const answer = q.exemplars.find((e) => e.level === "weak")!.answer;
  return questionScore(q.rubric, gradeQuestion(q, [{ text: answer }], { pack, gradingExemplar: answer }).scores);
};

describe("the tuning fixtures (test/fixtures/plain5/tune.yaml)", () => {
  it("every dump scores at or below the weak exemplar; a criterion spoken to in plain words earns level 1 and says why", () => {
    for (const r of tune.filter((x) => x.kind === "dump")) {
      const q = question(r.questionId);
      expect(questionScore(q.rubric, gradeQuestion(q, [{ text: r.answer }], { pack }).scores), r.answer).toBeLessThanOrEqual(
        weak(r.questionId),
      );
    }
    const plain = tune.find((r) => r.kind === "plain" && r.questionId === "mcp-internal-tools")!;
    const auth = gradeQuestion(question(plain.questionId), [{ text: plain.answer }], { pack }).scores.find(
      (s) => s.criterionId === "auth-permissions",
    )!;
    expect(auth.score).toBe(1);
    expect(auth.feedback).toContain("In its own words");
    expect(auth.feedback).toContain("Level 1:");
  });
});
