import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { answerFocus } from "../../server/grading/focus.js";
import { packIndex } from "../../server/grading/pack-index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";

// Issue #11 points 2, 3 and 5 (session 22, ramble12): an answer about something else scores 0 and says so, unflagged;
// an answer that buries its points in digressions is docked a level and says so; long, dense and short on-topic
// answers are not touched. The texts here are written for this test (none is a fixture row).
const pack = loadPacksFromDir("scenarios").find((p) => p.id === "ai-engineer")!;
const question = pack.questions.find((q) => q.id === "reply-wrong-language")!;
const grade = (text: string) => gradeQuestion(question, [{ text }], { pack });
const score = (text: string) => questionScore(question.rubric, grade(text).scores);
const weak = question.exemplars.find((e) => e.level === "weak")!.answer;
const weakScore = questionScore(question.rubric, gradeQuestion(question, [{ text: weak }], { pack, gradingExemplar: weak }).scores);

const OTHER_QUESTION =
  "For the furniture shop's warehouse I would plan the picking routes first. Orders are batched every thirty minutes, " +
  "the shelves are grouped by how often items are picked, and pickers follow a route that visits each aisle once. " +
  "Heavy items such as sofas go on a separate trolley with two people. We track lines picked per hour and the share of " +
  "orders shipped the same day, and we review the slotting of the shelves every quarter.";

const CORE =
  "It is a prompt fault: the prompt never says which language to reply in, and with English instructions and English " +
  "order data the model answers in English. Nothing sets the tone, so it is chatty, with emojis and du instead of Sie. " +
  "I would detect the customer's language in code and tell the prompt to reply in that language, formal usted or Sie, " +
  "no emojis, and apologise first on complaints. To verify, I would run a set of real Spanish and German tickets through " +
  "it and check the language, the formal address and the emoji count automatically, and watch the rewrite rate and CSAT.";

const DIGRESSIONS = [
  "Spain and Germany are such different markets, honestly, I spent a summer in Madrid once and the lunch breaks alone " +
    "were a revelation, people there really know how to enjoy their afternoons.",
  "Furniture is a hard business too, the margins are thin and the sofas are heavy, my cousin ran a shop for years and " +
    "always said that delivery was the real nightmare of his life.",
  "Anyway, I always say that the small details matter most in life, that is something my grandmother taught me and I " +
    "have carried it with me through every job I have ever had.",
];

describe("an answer to another question (issue #11, point 2)", () => {
  it("scores 0 on every criterion, says it does not address the question, and is not flagged", () => {
    const g = grade(OTHER_QUESTION);
    expect(g.scores.every((s) => s.score === 0)).toBe(true);
    expect(g.scores.every((s) => s.feedback.startsWith("The answer does not address the question"))).toBe(true);
    expect(g.flags).toEqual([]);
    expect(questionScore(question.rubric, g.scores)).toBeLessThanOrEqual(weakScore);
  });

  it("a short on-topic answer is read by its key points, never called off-topic", () => {
    const g = grade("Prompt fault: it never names the reply language. Detect it in code and ask for a formal reply in it, no emojis.");
    expect(g.scores.some((s) => s.score > 0)).toBe(true);
    expect(g.scores.some((s) => s.feedback.includes("does not address"))).toBe(false);
  });
});

describe("an answer whose points are buried in digressions (issue #11, point 3)", () => {
  it("drops a level where it was above 2, and the report says why", () => {
    const rambling = [DIGRESSIONS[0], CORE, DIGRESSIONS[1], DIGRESSIONS[2]].join(" ");
    const focused = grade(CORE);
    const g = grade(rambling);
    expect(g.scores.some((s) => s.feedback.includes("digressions"))).toBe(true);
    expect(score(rambling)).toBeLessThan(score(CORE));
    // Never below level 2 for the digressions alone, and never flagged as an attempt to steer the grader.
    g.scores.forEach((s, i) => expect(s.score).toBeGreaterThanOrEqual(Math.min(2, focused.scores[i]!.score)));
    expect(g.flags).toEqual([]);
  });

  it("the focused answer alone is not docked", () => {
    expect(grade(CORE).scores.some((s) => s.feedback.includes("digressions"))).toBe(false);
  });
});

describe("long, dense answers are never docked (controls)", () => {
  const idf = packIndex(pack).idf;
  // Grading every model answer is slow on a loaded 2-core machine; coding questions are never read (focus.ts).
  it("no strong or adequate model answer of the built-in pack reads as rambling or off the question", { timeout: 300_000 }, () => {
    for (const q of pack.questions.filter((x) => !x.coding))
      for (const e of q.exemplars.filter((x) => x.level !== "weak")) {
        const g = gradeQuestion(q, [{ text: e.answer }], { pack, gradingExemplar: e.answer });
        expect(answerFocus(q, e.answer, idf, g.scores, null, /```/.test(e.answer))?.kind ?? "focused", `${q.id}/${e.level}`).toBe(
          "focused",
        );
      }
  });

  it("honest calibration stories (told in the past, naming their own teams and tools) are not docked", () => {
    const rows = parse(readFileSync(new URL("../fixtures/calibration/behavioural.yaml", import.meta.url), "utf8")) as {
      questionId: string;
      answer: string;
    }[];
    for (const row of rows.slice(0, 12)) {
      const q = pack.questions.find((x) => x.id === row.questionId);
      if (!q) continue;
      const g = gradeQuestion(q, [{ text: row.answer }], { pack });
      expect(
        g.scores.some((s) => s.feedback.includes("digressions")),
        row.questionId,
      ).toBe(false);
    }
  });
});
