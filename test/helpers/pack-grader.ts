import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import type { Pack } from "../../server/scenarios/index.js";

/**
 * Grade answers to a pack's questions as the interview does, and its weak exemplar as calibration does: the two
 * numbers the gaming and terse-note tests compare (an answer at most the weak exemplar, or above it).
 */
export function packGrader(pack: Pack) {
  const question = (id: string) => pack.questions.find((q) => q.id === id)!;
  const graded = (id: string, text: string) => {
    const g = gradeQuestion(question(id), [{ text }], { pack });
    return { score: questionScore(question(id).rubric, g.scores), flags: g.flags.map((f) => f.kind) };
  };
  const weakScore = (id: string) => {
    const answer = question(id).exemplars.find((e) => e.level === "weak")!.answer;
    return questionScore(question(id).rubric, gradeQuestion(question(id), [{ text: answer }], { pack, gradingExemplar: answer }).scores);
  };
  return { question, graded, weakScore };
}
