import { Annotation } from "@langchain/langgraph";
import { addUsage, type SessionUsage } from "./usage-record.js";
import { z } from "zod";
import {
  LanguageSchema,
  type AnswerBody,
  type CriterionScore,
  type IntegrityFlag,
  type Level,
  type Mode,
  type Plan,
  type RoundEndReason,
  type TestReport,
  type TurnReason,
} from "../contracts/index.js";

/** What the socket layer resumes the graph with. */
export const AnswerInputSchema = z.object({
  type: z.enum(["submit", "timeout", "end"]),
  turnId: z.string(),
  text: z.string().optional(),
  code: z.string().optional(),
  language: LanguageSchema.optional(),
});
export type AnswerInput = z.infer<typeof AnswerInputSchema>;

export type Turn = {
  turnId: string;
  kind: "main" | "follow-up";
  prompt: string;
  answer: AnswerBody | null;
  reason: TurnReason;
  note?: string;
};

export type { SessionUsage };

/** The turn awaiting an answer. */
export type CurrentTurn = {
  turnId: string;
  baseQuestionId: string;
  kind: "main" | "follow-up";
  prompt: string;
  followUps: number;
};

const latest = <T>(initial: () => T) => Annotation<T>({ reducer: (_old, next) => next, default: initial });
const mergeRecord = <V>() => Annotation<Record<string, V>>({ reducer: (old, next) => ({ ...old, ...next }), default: () => ({}) });

/**
 * The checkpoint owns the interview's progress. sessionId, pack, mode, level
 * and interviewPlan are the graph's input, copied from the sessions row (their
 * owner, written once at start) so its routing can read them synchronously;
 * they never change here. Status and the report are the row's, not the checkpoint's.
 */
export const InterviewState = Annotation.Root({
  sessionId: latest<string>(() => ""),
  packId: latest<string>(() => ""),
  packVersion: latest<number>(() => 0),
  mode: latest<Mode>(() => "timed"),
  level: latest<Level | null>(() => null),
  interviewPlan: latest<Plan>(() => ({ rounds: [] })),
  startedAt: latest<number>(() => 0),
  roundIndex: latest<number>(() => 0),
  questionIndex: latest<number>(() => 0),
  /** Server-authoritative deadline of the current round (epoch ms); null when untimed. */
  roundEndsAt: latest<number | null>(() => null),
  current: latest<CurrentTurn | null>(() => null),
  lastInput: latest<AnswerInput | null>(() => null),
  /** Criterion the next follow-up probes, chosen by assess. */
  pendingFollowUp: latest<string | null>(() => null),
  /** Whether the grader read the answer that chose it as no answer to the question (non-answer-verdict.ts). */
  pendingNonAnswer: latest<boolean>(() => false),
  /** Turns per main question id, in the order asked. */
  transcript: mergeRecord<Turn[]>(),
  grades: mergeRecord<CriterionScore[]>(),
  /** Coding questions: the final code's run against every test. */
  testReports: mergeRecord<TestReport>(),
  /** Attempts to game the grader, per main question. */
  integrityFlags: mergeRecord<IntegrityFlag[]>(),
  /** Whether the judge graded each question, and whether its prompt lab ran. */
  judgeStatus: mergeRecord<{ status: "graded" | "failed" | "off"; message: string }>(),
  labStatus: mergeRecord<{ status: "ran" | "not-run"; message: string }>(),
  roundResults: mergeRecord<RoundEndReason>(),
  /** Questions whose grading failed, with why: reported as "could not be graded", never retried at every restart. */
  gradingErrors: mergeRecord<string>(),
  usage: Annotation<SessionUsage>({ reducer: addUsage, default: () => ({}) }),
});

export type InterviewStateValue = typeof InterviewState.State;
export type InterviewStateUpdate = typeof InterviewState.Update;

/** What grading one question adds to the state (plain values, merged like the reducers do). */
export type GradeUpdate = Partial<
  Pick<InterviewStateValue, "grades" | "integrityFlags" | "judgeStatus" | "labStatus" | "testReports" | "gradingErrors" | "usage">
>;
