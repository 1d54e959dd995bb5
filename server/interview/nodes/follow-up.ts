import { prepareAnswer } from "../../grading/index.js";
import { basePackOf, followUpTurnId, questionInfo, questionOf } from "../context.js";
import type { InterviewDeps } from "../deps.js";
import type { InterviewStateUpdate, InterviewStateValue } from "../state.js";
import { streamTurn } from "../stream-turn.js";
import { turnContext, usageUpdate } from "../usage.js";

/** Ask a follow-up on the criterion assess chose; its answer counts toward the same question. */
export const makeFollowUpNode =
  (deps: InterviewDeps) =>
  async (state: InterviewStateValue): Promise<InterviewStateUpdate> => {
    const current = state.current;
    if (!current || !state.pendingFollowUp) throw new Error("followUp reached without a pending criterion");
    const question = await questionOf(deps, state, current.baseQuestionId);
    // The stored pack (not this session's variant copy): its model-answer index is built once per version.
    const pack = await basePackOf(deps, state);
    const criterion = question.rubric.find((c) => c.id === state.pendingFollowUp);
    if (!criterion) throw new Error(`question "${question.id}" has no criterion "${state.pendingFollowUp}"`);
    const followUps = current.followUps + 1;
    const turn = { turnId: followUpTurnId(question.id, followUps), kind: "follow-up" as const };
    const turns = state.transcript[question.id] ?? [];
    const { text: prompt, meta } = await streamTurn(
      deps,
      state.sessionId,
      questionInfo(state, question, turn),
      deps.interviewer.followUp({
        question,
        criterion,
        // The interviewer reads (and may quote) only the cleaned answer: never a sentence flagged as aimed at the grader.
        answerText: prepareAnswer(
          question,
          turns.map((t) => t.answer),
          { pack },
        ).judgeText,
        turnId: turn.turnId,
        ctx: turnContext(deps, state, turn.turnId),
      }),
    );
    return {
      current: { ...turn, baseQuestionId: question.id, prompt, followUps },
      transcript: {
        [question.id]: [...turns, { ...turn, prompt, answer: null, reason: "unanswered", ...(meta.note ? { note: meta.note } : {}) }],
      },
      pendingFollowUp: null,
      ...usageUpdate(meta),
    };
  };
