import { z } from "zod";
import { LanguageSchema, LevelSchema, RoundKindSchema } from "./enums.js";
import { ModeSchema } from "./ids.js";
import { RoundEndReasonSchema } from "./events.js";
import { TestReportSchema } from "./tests.js";

/** One quoted span of the candidate's answer that a score rests on. */
export const EvidenceSchema = z.object({
  quote: z.string(),
  /** What the quote is evidence of, in the grader's words. */
  note: z.string(),
});

/** What kind of text aimed at the grader (or earning nothing) an answer held: a stable code. */
export const IntegrityFlagKindSchema = z.enum([
  "grader-instruction",
  "fake-verdict",
  "role-tag",
  "self-assessment",
  "hidden-instruction",
  "keyword-list",
  "rubric-pasted",
  "copied-model-answer",
  "templated-terms",
  "scrambled-words",
  "padding",
  "plea",
]);

/** The one grading result shape every grader layer produces. */
export const CriterionScoreSchema = z.object({
  criterionId: z.string(),
  score: z.number().int().min(0).max(4),
  evidence: z.array(EvidenceSchema),
  feedback: z.string(),
  /** Which layer produced the score. */
  source: z.enum(["evidence", "judge"]),
  /** True when the answer gave too little to judge this criterion. */
  insufficientEvidence: z.boolean(),
  /**
   * Set when the criterion was not graded at all, so its 0 is no verdict: "other-language" (the grader
   * reads English; a reviewer should read the answer), "unreadable" (its words are no language the grader reads or
   * recognises, e.g. a shifted cipher: a reviewer should read it), "not-answered" (nothing was submitted).
   */
  notGraded: z.enum(["other-language", "unreadable", "not-answered"]).optional(),
  /** Insufficient because everything was set aside: the kinds of text that were (the flags' codes). */
  setAside: z.array(IntegrityFlagKindSchema).optional(),
  /** With a judge: the evidence layer's score, the judge's own score and reason, and whether they were 2+ apart. */
  evidenceScore: z.number().int().min(0).max(4).optional(),
  judgeScore: z.number().int().min(0).max(4).optional(),
  judgeRationale: z.string().optional(),
  disagreement: z.boolean().optional(),
});
export type CriterionScore = z.infer<typeof CriterionScoreSchema>;

export const AnswerBodySchema = z.object({
  text: z.string().optional(),
  code: z.string().optional(),
  language: LanguageSchema.optional(),
});
export type AnswerBody = z.infer<typeof AnswerBodySchema>;

export const TurnReasonSchema = z.enum(["submit", "timeout", "ended", "unanswered"]);
export type TurnReason = z.infer<typeof TurnReasonSchema>;

export const ReportTurnSchema = z.object({
  turnId: z.string(),
  kind: z.enum(["main", "follow-up"]),
  prompt: z.string(),
  answer: AnswerBodySchema.nullable(),
  reason: TurnReasonSchema,
  /** E.g. that the interviewer model was unavailable and the offline interviewer asked this. */
  note: z.string().optional(),
});

/** Model tokens a session used, and what they cost at the configured prices. */
export const UsageSchema = z.object({
  calls: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  /** Null when a model's price is not configured. */
  costUsd: z.number().nullable(),
  budgetTokens: z.number().int().nullable(),
  budgetExhausted: z.boolean(),
  byModel: z.record(z.string(), z.object({ calls: z.number().int(), inputTokens: z.number().int(), outputTokens: z.number().int() })),
});
export type Usage = z.infer<typeof UsageSchema>;

export const ReportCriterionSchema = CriterionScoreSchema.extend({
  title: z.string(),
  weight: z.number(),
  strongAnswerAdds: z.string().optional(),
});

/** Something in an answer aimed at gaming the grader; it was set aside before scoring. */
export const IntegrityFlagSchema = z.object({
  kind: IntegrityFlagKindSchema,
  message: z.string(),
  quote: z.string(),
});
export type IntegrityFlag = z.infer<typeof IntegrityFlagSchema>;

export const ReportQuestionSchema = z.object({
  questionId: z.string(),
  title: z.string(),
  /** False for a question the session never reached: no prompt, no hints, just the zero it counts as. */
  asked: z.boolean().default(true),
  /** Set when grading this question failed: it counts as 0 and says so, and the rest of the report stands. */
  gradingError: z.string().optional(),
  answered: z.boolean(),
  /** Weighted criterion average scaled to 0-100, computed in code. */
  score: z.number(),
  turns: z.array(ReportTurnSchema),
  /** Variants: the values this sitting drew (traffic, prices, names), as the candidate saw them; secret ones left out. */
  variables: z.record(z.string(), z.json()).optional(),
  /** Coding: the final code's run (visible tests in full, hidden ones pass/fail only). */
  tests: TestReportSchema.optional(),
  /** Attempts to game the grader found in the answer (set aside before scoring). */
  flags: z.array(IntegrityFlagSchema).default([]),
  /** Whether the LLM judge graded this question; "failed" is never turned into a low score. */
  judge: z
    .object({ status: z.enum(["graded", "failed", "off"]), message: z.string() })
    .default({ status: "off", message: "no judge model configured" }),
  /** Prompt debugging: whether the candidate's fixed prompt was executed on the lab cases. */
  lab: z.object({ status: z.enum(["ran", "not-run"]), message: z.string() }).optional(),
  criteria: z.array(ReportCriterionSchema),
  /**
   * The pack's strong exemplar for this question, shown beside the answer. Only in a
   * finished report, only for a question the candidate was asked, and only when the
   * pack sets `report.showExemplars` (off by default).
   */
  exemplar: z.string().optional(),
});
export type ReportQuestion = z.infer<typeof ReportQuestionSchema>;

export const ReportRoundSchema = z.object({
  roundId: z.string(),
  kind: RoundKindSchema,
  title: z.string(),
  endReason: RoundEndReasonSchema,
  questions: z.array(ReportQuestionSchema),
});

export const ReportSchema = z.object({
  sessionId: z.string(),
  packId: z.string(),
  packVersion: z.number().int(),
  packTitle: z.string(),
  mode: ModeSchema,
  level: LevelSchema.nullable(),
  startedAt: z.number(),
  completedAt: z.number(),
  overall: z.number(),
  graderVersion: z.string(),
  /** The judge model and prompt version, when a judge took part. */
  judgeModel: z.string().nullable().default(null),
  judgePromptVersion: z.string().nullable().default(null),
  /** Model usage for this session (interviewer and judge); zero offline. */
  usage: UsageSchema.optional(),
  /**
   * "hide" in a candidate's copy (their report, a share link) when the pack keeps its answer
   * key (`report.missingPoints: hide`): each criterion's feedback then names only the key
   * points the answer stated, with no level description, `strongAnswerAdds`, judge's reason
   * or exemplar. Absent in the team's review, which always reads the whole report.
   */
  missingPoints: z.literal("hide").optional(),
  rounds: z.array(ReportRoundSchema),
});
export type Report = z.infer<typeof ReportSchema>;
