import type { Criterion, Question } from "../scenarios/index.js";

/** What a streamed turn reports when it ends. */
export type TurnMeta = {
  /** Tokens a model used for this turn (absent offline). */
  usage?: { model: string; inputTokens: number; outputTokens: number };
  /** Shown in the transcript when the model could not be used for this turn. */
  note?: string;
};

/** A model call costs roughly this much; with fewer tokens left the session budget counts as used up. */
export const MIN_TOKENS_FOR_A_CALL = 800;

export const budgetUsedUp = (tokensLeft: number | null | undefined) => tokensLeft != null && tokensLeft < MIN_TOKENS_FOR_A_CALL;

/** The session facts a model interviewer needs to decide whether it may spend. */
export type TurnContext = { turnId: string; tokensLeft: number | null };

/**
 * Who phrases what the candidate reads. Each method streams text chunks and
 * returns TurnMeta when done. Offline by default; a model when configured.
 */
export type Interviewer = {
  askQuestion(input: {
    question: Question;
    turnId: string;
    transition?: string | undefined;
    ctx?: TurnContext;
  }): AsyncGenerator<string, TurnMeta>;
  followUp(input: {
    question: Question;
    criterion: Criterion;
    /** What to ask: the pack's probe aimed at what the answer is missing (server/interview/probe.ts), never rubric text. */
    probe: string;
    /** True when the answer already states part of the criterion: the follow-up asks about the rest. */
    partly: boolean;
    /**
     * True when the grader found the reply does not answer the question (server/interview/non-answer-verdict.ts):
     * the interviewer says so and offers a retry or a skip instead of probing deeper.
     */
    nonAnswer?: boolean;
    answerText: string;
    turnId: string;
    ctx?: TurnContext;
  }): AsyncGenerator<string, TurnMeta>;
};
