import type { AnswerBody } from "../../contracts/index.js";
import type { GradeContext, QuestionGrade } from "../../grading/index.js";
import type { Pack, Question } from "../../scenarios/index.js";

/**
 * What the worker is asked to read. Everything that reads an answer's words runs there, not only the grade:
 * the follow-up decision reads the whole answer too, and the pack index (fingerprints, word weights) and the
 * English model load on first use, which on the server's event loop stalled every other candidate for seconds.
 */
export type GradeTask =
  | { kind: "grade"; question: Question; answers: (AnswerBody | null)[]; ctx: Omit<GradeContext, "pack"> }
  /** The follow-up decision: the answers' grade and the criterion a follow-up should probe (`weakestCriterion`), or null. */
  | { kind: "weakest"; question: Question; answers: (AnswerBody | null)[] }
  /** What a follow-up on one criterion needs of the answer: its gap there and the cleaned text the interviewer reads. */
  | { kind: "follow-up"; question: Question; answers: (AnswerBody | null)[]; criterionId: string }
  /** Build the pack's grading index and load the language model ahead of need. */
  | { kind: "warm"; question: Question };

/**
 * A task as sent: a question that is one of its pack's own questions travels as its place there (`questionAt`), the
 * worker already holding the pack; structured-cloning the question (rubric, exemplars, terms) cost every answer.
 */
type Sent<T> = T extends { question: Question } ? Omit<T, "question"> & ({ question: Question } | { questionAt: number }) : never;

/** One job for the worker; `pack` travels only the first time its `packRef` is used. */
export type GradeRequest = Sent<GradeTask> & { id: number; packRef?: number; pack?: Pack };

/** The worker's answer to a "follow-up" task (the criterion itself is the caller's own object). */
export type FollowUpReadingResult = { level: number; missing: string[]; covered: string[]; judgeText: string } | null;

/**
 * The worker's answer to a "weakest" task: the criterion to probe (null: none) and the grade it was chosen by, read
 * with the pack and nothing else (no test run, no prompt lab). When no follow-up comes, that grade is the question's
 * grade (nodes/grade.ts): the answers are graded once.
 */
export type FollowUpDecision = { criterionId: string | null; grade: QuestionGrade };
