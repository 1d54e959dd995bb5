import { describe, expect, it } from "vitest";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";
import { gradeQuestion } from "../../server/grading/index.js";
import { meaningWords, statedInOtherWords } from "../../server/grading/paraphrase.js";
import { analyse, claimSentences, questionTerms } from "../../server/grading/language/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";
import { PARAPHRASES } from "../fixtures/paraphrase/ai-engineer.js";

const pack = loadPacksFromDir(BUILTIN_PACKS_DIR).find((p) => p.id === "ai-engineer")!;
const question = (id: string): Question => pack.questions.find((q) => q.id === id)!;

/** The key points (labels) an answer states in other words. */
function paraphrased(q: Question, text: string): string[] {
  const a = analyse(text);
  return [...statedInOtherWords(q, a, claimSentences(a, questionTerms(q))).keys()].map((k) => k.split("\u0000")[1]!);
}

/** The criterion's level and whether its feedback counts the key point. */
function graded(q: Question, criterion: string, label: string, text: string) {
  const s = gradeQuestion(q, [{ text }], { pack }).scores.find((x) => x.criterionId === criterion)!;
  const covered = /Covered [^.]*\(([^)]*)\)/.exec(s.feedback)?.[1] ?? "";
  return { score: s.score, covered: covered.split(", ").includes(label) };
}

describe("a key point stated in plain words (grading/paraphrase.ts)", () => {
  it("counts a golden evaluation set described without its terms, in several wordings", () => {
    const q = question("support-chatbot-rag");
    for (const text of [
      "Before launch we build a fixed list of a few hundred questions with known correct answers, and we run every change against it.",
      "We build a few hundred questions whose correct answers we know and run each change against them before it ships.",
    ]) {
      expect(graded(q, "evaluation-rollout", "golden eval set", text)).toEqual({ score: 1, covered: true });
    }
  });

  it("counts other key points of other questions said in other words", () => {
    expect(
      graded(
        question("voice-booking-agent-latency"),
        "booking-safety",
        "identity check",
        "Before changing any appointment, the agent asks the caller for their birth date and compares it with the patient record.",
      ).covered,
    ).toBe(true);
    expect(
      graded(
        question("chatbot-logging-pii"),
        "access-retention-use",
        "role-based access and audit",
        "Only the few engineers on the support rota can open the logs, and every time someone opens one we keep a record of who looked.",
      ).covered,
    ).toBe(true);
  });

  it("does not count the same words denied", () => {
    const q = question("support-chatbot-rag");
    const text = "We do not build a fixed list of questions with known correct answers, and we never run changes against one.";
    expect(paraphrased(q, text)).not.toContain("golden eval set");
  });

  it("gives nothing for a salad of the point's meaning words, bare or padded with function words", () => {
    const q = question("support-chatbot-rag");
    // The meaning words that are not terms nor their stems ("label" for "labelled"): those the term rules read.
    const isTerm = questionTerms(q);
    const terms = q.rubric.flatMap((c) => c.evidence.concepts.flatMap((k) => k.terms));
    const words = [...meaningWords(q, "evaluation-rollout", "golden eval set")]
      .filter(([w]) => !isTerm(w) && !terms.some((t) => t.startsWith(w)))
      .sort((a, b) => b[1] - a[1])
      .map(([w]) => w);
    const top = words.slice(0, 12);
    const bare = top.join(" ");
    const listed = `${top.slice(0, 6).join(", ")}.\n${top.slice(6).join(", ")}.`;
    // Function words between them but no verb relating them: still no statement.
    const padded = `The ${top[0]} of the ${top[1]} and the ${top[2]} with the ${top[3]} for the ${top[4]} in the ${top[5]}.`;
    for (const text of [bare, listed, padded]) expect(paraphrased(q, text)).toEqual([]);
    expect(graded(q, "evaluation-rollout", "golden eval set", padded).score).toBe(0);
  });

  it("gives a salad of every point's WordNet definitions no more than the weak exemplar", () => {
    const q = question("support-chatbot-rag");
    // One templated sentence per key point, each made of the point's meaning words: a frame repeated is a template.
    const text = q.rubric
      .flatMap((c) => c.evidence.concepts.map((k) => [...meaningWords(q, c.id, k.label).keys()].slice(0, 4)))
      .map((w) => `We always make sure that the ${w.join(" and the ")} are handled.`)
      .join(" ");
    const weak = q.exemplars.find((e) => e.level === "weak")!.answer;
    const total = (t: string) => gradeQuestion(q, [{ text: t }], { pack }).scores.reduce((n, s) => n + s.score, 0);
    expect(total(text)).toBeLessThanOrEqual(total(weak));
  });

  it("leaves a sentence that names a key point by its terms to the terms", () => {
    const q = question("support-chatbot-rag");
    // "canary" names the staged rollout: the golden-set words beside it do not state a second point in other words.
    const text = "We run every change against a few hundred questions with known correct answers during the canary.";
    expect(paraphrased(q, text)).toEqual([]);
  });

  it("credits the hand-written paraphrases of the built-in pack to their own key points", () => {
    const tuning = PARAPHRASES.filter((p) => !p.heldApart);
    let own = 0;
    let other = 0;
    for (const p of tuning) {
      const said = paraphrased(question(p.question), p.answer);
      if (said.includes(p.label)) own++;
      else if (said.length) other++;
    }
    // Measured at session 11: 4 of 22 to their own point, 1 to another (docs/grading-history.md, Session 11, "paraphrase"); the held-apart cases are
    // reported there and not asserted, so they are never tuned on.
    expect(own).toBeGreaterThanOrEqual(4);
    expect(other).toBeLessThanOrEqual(1);
  });

  it("leaves every fixture answer free of its key point's terms (the class is plain words)", () => {
    for (const p of PARAPHRASES) {
      const c = question(p.question).rubric.find((r) => r.id === p.criterion)!;
      const k = c.evidence.concepts.find((x) => x.label === p.label)!;
      expect(k, p.label).toBeDefined();
      const lower = p.answer.toLowerCase();
      expect(
        k.terms.filter((t) => new RegExp(`\\b${t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`).test(lower)),
        p.label,
      ).toEqual([]);
    }
  });
});
