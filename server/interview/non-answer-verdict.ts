import { TESTS_CRITERION_ID, type QuestionGrade } from "../grading/index.js";
import { isNonAnswer } from "../llm/index.js";
import type { Question } from "../scenarios/index.js";

/**
 * Whether the interviewer should say the reply does not answer the question (and offer a retry or a skip) rather
 * than probe it, decided by what the grader made of the answers so far:
 * - the grader found it about something else (`notAddressed`, grading/focus.ts): a non-answer;
 * - the grader credited anything on a rubric criterion (a level, a quoted key point): the answer is on the topic,
 *   however thin, and gets the probe for what it left unmet (outside tester, session 23: a correct one-sentence
 *   answer was told "That doesn't answer the question");
 * - the grader found nothing to judge (insufficient evidence, all zero, or what it read set aside): a non-answer
 *   only when what the candidate wrote shares no word with the question either ("asdf qwerty"); "I'd add retries"
 *   on a retry question is thin, not off. Read on the written text, not the cleaned one: a sentence the integrity
 *   checks set aside (a label line over it read as pasted rubric) left nothing, and "nothing" read as no answer.
 */
export function graderSaysNonAnswer(question: Question, grade: QuestionGrade, written: string): boolean {
  if (grade.notAddressed) return true;
  const rubric = grade.scores.filter((s) => s.criterionId !== TESTS_CRITERION_ID);
  if (rubric.some((s) => s.score > 0 || s.evidence.length > 0)) return false;
  return isNonAnswer(written, question);
}
