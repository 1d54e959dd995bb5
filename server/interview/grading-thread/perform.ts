import { criterionGap, gradeQuestion, prepareAnswer, weakestCriterion } from "../../grading/index.js";
import type { Pack } from "../../scenarios/index.js";
import type { FollowUpDecision, FollowUpReadingResult, GradeTask } from "./messages.js";

/** The grader the readings grade with: `gradeQuestion`, or a stand-in in tests that count gradings. */
export type Grader = typeof gradeQuestion;

/**
 * The grading thread's readings, with the grader passed in: every grading a task does goes through `grade`, so a test
 * can count them (test/integration/graded-once.test.ts) by running this with a counting grader.
 */
export function performWith(grade: Grader): (task: GradeTask, pack: Pack | undefined) => unknown {
  return (task, pack) => {
    switch (task.kind) {
      case "grade":
        return grade(task.question, task.answers, { ...task.ctx, pack });
      case "weakest": {
        // One grading serves the decision and, when no follow-up comes, the question's grade.
        const graded = grade(task.question, task.answers, { pack });
        const decision: FollowUpDecision = {
          criterionId: weakestCriterion(task.question, task.answers, { pack }, graded)?.criterion.id ?? null,
          grade: graded,
        };
        return decision;
      }
      case "follow-up": {
        const gap = criterionGap(task.question, task.answers, task.criterionId, { pack });
        const result: FollowUpReadingResult = gap
          ? {
              level: gap.level,
              missing: gap.missing,
              covered: gap.covered,
              judgeText: prepareAnswer(task.question, task.answers, { pack }).judgeText,
            }
          : null;
        return result;
      }
      case "warm":
        // The index is built for the pack whatever the question; no answer needs reading.
        prepareAnswer(task.question, [], { pack });
        return null;
    }
  };
}
