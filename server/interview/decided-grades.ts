import type { AnswerBody } from "../contracts/index.js";
import type { QuestionGrade } from "../grading/index.js";

/**
 * The follow-up decision's grade, handed to the grade node that runs right after it (the same graph run, in this
 * process) when no follow-up comes: the decision grades the answers to choose what to probe (grading/unmet.ts), and
 * grading them again for the score read the same answers twice per turn. Kept in memory, not in the checkpoint: a
 * grade is kilobytes the checkpoint would write on every answer, and a step re-run after a restart simply grades
 * again. A grade is handed only for the answers it read (compared whole), once.
 */
export type DecidedGrades = {
  keep(sessionId: string, questionId: string, answers: (AnswerBody | null)[], grade: QuestionGrade): void;
  take(sessionId: string, questionId: string, answers: (AnswerBody | null)[]): QuestionGrade | undefined;
};

/** Grades a step left and nothing took (a grade node that threw): bounded so they cannot pile up. */
const MAX_KEPT = 1_000;

const keyOf = (answers: (AnswerBody | null)[]) => JSON.stringify(answers);

export function createDecidedGrades(): DecidedGrades {
  const kept = new Map<string, { questionId: string; key: string; grade: QuestionGrade }>();
  return {
    keep(sessionId, questionId, answers, grade) {
      kept.delete(sessionId);
      kept.set(sessionId, { questionId, key: keyOf(answers), grade });
      // Oldest first (a Map keeps insertion order).
      if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
    },
    take(sessionId, questionId, answers) {
      const entry = kept.get(sessionId);
      if (!entry) return undefined;
      kept.delete(sessionId);
      return entry.questionId === questionId && entry.key === keyOf(answers) ? entry.grade : undefined;
    },
  };
}
