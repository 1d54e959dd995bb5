import { describe, expect, it } from "vitest";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
const question = pack!.questions.find((q) => q.id === "support-chatbot-rag")!;
const MAIN = "Put a cache in front of the model, use RAG with a vector index, and monitor p95 latency and cost per request.";
const FRENCH =
  "Je mettrais un cache sémantique devant le modèle, je mesurerais la latence p95 et le coût par requête, et je ferais un déploiement progressif.";
const grade = (...texts: string[]) =>
  gradeQuestion(
    question,
    texts.map((text) => ({ text })),
    { pack },
  );

describe("a turn written in another language beside English turns", () => {
  it("takes nothing from what the English turns earned, and the report says it was not read", () => {
    const alone = grade(MAIN, "skip");
    const withFrench = grade(MAIN, FRENCH);
    expect(questionScore(question.rubric, alone.scores)).toBeGreaterThan(0);
    expect(questionScore(question.rubric, withFrench.scores)).toBe(questionScore(question.rubric, alone.scores));
    expect(withFrench.scores.every((s) => /another language was not read/.test(s.feedback))).toBe(true);
  });

  it("an answer in another language throughout is still reported as not graded", () => {
    expect(grade(FRENCH, FRENCH.replace("sémantique", "de réponses")).scores.every((s) => s.notGraded === "other-language")).toBe(true);
  });
});
