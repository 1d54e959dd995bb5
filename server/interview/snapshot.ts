import type { Draft, Language, Mode, Snapshot } from "../contracts/index.js";
import type { Question } from "../scenarios/index.js";
import { planOf, type DraftRow, type SessionRow } from "../store/index.js";
import { questionInfo, roundInfo } from "./context.js";
import type { InterviewStateValue } from "./state.js";

/** Everything a (re)connecting client needs to redraw the room exactly where it was. */
export function buildSnapshot(input: {
  session: SessionRow;
  values: InterviewStateValue | null;
  awaiting: boolean;
  draft: DraftRow | undefined;
  lastSeq: number;
  /** The open question as this session sees it (variant values filled in), when one is open. */
  openQuestion: Question | undefined;
  now: number;
}): Snapshot {
  const { session, values, awaiting } = input;
  const complete = session.status === "complete";
  const started = values !== null && values.interviewPlan.rounds[values.roundIndex] !== undefined;
  const current = values?.current ?? null;
  const open = input.openQuestion;
  const question =
    !complete && awaiting && values && current && open
      ? {
          ...questionInfo(values, open, current),
          text: current.prompt,
        }
      : null;
  const draft = question && input.draft ? wireDraft(input.draft) : null;
  const lastCode =
    question && values && current
      ? ([...(values.transcript[current.baseQuestionId] ?? [])].reverse().find((t) => t.answer?.code && t.answer.language)?.answer ?? null)
      : null;
  return {
    sessionId: session.id,
    status: complete ? "complete" : "active",
    mode: session.mode as Mode,
    packId: session.pack_id,
    packVersion: session.pack_version,
    plan: planOf(session),
    lastSeq: input.lastSeq,
    serverNow: input.now,
    round: !complete && started && values ? roundInfo(values) : null,
    question,
    draft,
    lastCode: lastCode ? { code: lastCode.code!, language: lastCode.language! } : null,
    reportUrl: complete ? `/report/${session.id}` : null,
    earlierTurns:
      question && values && current
        ? (values.transcript[current.baseQuestionId] ?? [])
            .filter((t) => t.turnId !== current.turnId)
            .map((t) => ({
              kind: t.kind,
              prompt: t.prompt,
              answer: t.answer
                ? {
                    ...(t.answer.text !== undefined ? { text: t.answer.text } : {}),
                    ...(t.answer.code !== undefined ? { code: t.answer.code } : {}),
                    ...(t.answer.language !== undefined ? { language: t.answer.language } : {}),
                  }
                : null,
            }))
        : [],
  };
}

/** A stored draft as the client reads it (the snapshot's `draft`, DRAFT_STALE's `draft`). */
export function wireDraft(row: DraftRow): Draft {
  return {
    questionId: row.question_id,
    ...(row.text !== null ? { text: row.text } : {}),
    ...(row.code !== null ? { code: row.code } : {}),
    ...(row.language !== null ? { language: row.language as Language } : {}),
    savedAt: row.saved_at,
    revision: row.revision,
  };
}
