import type { CriterionScore } from "../contracts/index.js";
import { gradeQuestion } from "../grading/index.js";
import type { Pack } from "../scenarios/index.js";
import { questionById } from "./context.js";
import type { InterviewDeps } from "./deps.js";
import type { Turn } from "./state.js";

/**
 * Record questions the candidate never reached, so the report lists them at 0
 * with a reason. They get no transcript turn: a prompt never asked is not
 * shown to the candidate afterwards (the report shows only what was asked).
 */
export async function markUnanswered(
  deps: InterviewDeps,
  sessionId: string,
  pack: Pack,
  questionIds: string[],
): Promise<{ transcript: Record<string, Turn[]>; grades: Record<string, CriterionScore[]> }> {
  const transcript: Record<string, Turn[]> = {};
  const grades: Record<string, CriterionScore[]> = {};
  for (const id of questionIds) {
    const question = questionById(pack, id);
    // Where grading runs (its thread in the app): even an empty answer's first grade loads the English model.
    const { scores } = deps.gradeAnswers
      ? await deps.gradeAnswers(question, [null], { owner: sessionId })
      : gradeQuestion(question, [null]);
    grades[id] = scores;
  }
  return { transcript, grades };
}
