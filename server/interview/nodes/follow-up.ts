import { ServiceError } from "../../contracts/service-error.js";
import { criterionGap, prepareAnswer } from "../../grading/index.js";
import type { AnswerBody } from "../../contracts/index.js";
import type { Pack, Question } from "../../scenarios/index.js";
import { basePackOf, followUpTurnId, questionInfo, questionOf } from "../context.js";
import type { InterviewDeps } from "../deps.js";
import type { InterviewStateUpdate, InterviewStateValue } from "../state.js";
import { probeFor } from "../probe.js";
import { streamTurn } from "../stream-turn.js";
import { turnContext, usageUpdate } from "../usage.js";

/**
 * Ask a follow-up on the criterion assess chose, aimed at what the answer is
 * missing there (probe.ts); its answer counts toward the same question.
 */
export const makeFollowUpNode =
  (deps: InterviewDeps) =>
  async (state: InterviewStateValue): Promise<InterviewStateUpdate> => {
    const current = state.current;
    if (!current || !state.pendingFollowUp) throw new Error("followUp reached without a pending criterion");
    const question = await questionOf(deps, state, current.baseQuestionId);
    // The stored pack (not this session's variant copy): its model-answer index is built once per version.
    const pack = await basePackOf(deps, state);
    const turns = state.transcript[question.id] ?? [];
    const answers = turns.map((t) => t.answer);
    // The same reading of the answers the decision made (prepareAnswer keeps it), for the one criterion chosen, where
    // grading runs (the grading thread in the app: a long answer read here held up every other candidate's acks).
    let reading: ReturnType<typeof readHere>;
    try {
      reading = deps.followUpReadingOf
        ? await deps.followUpReadingOf(question, answers, state.pendingFollowUp, { pack, owner: state.sessionId })
        : readHere(question, answers, state.pendingFollowUp, pack);
    } catch (err) {
      // A reading the grading thread gave up (GRADING_TIMEOUT) would be given up again on every retry of this step:
      // the question goes on to its grading without a follow-up (graph.ts routes on the unset pendingFollowUp).
      if (!(err instanceof ServiceError && err.code === "GRADING_TIMEOUT")) throw err;
      return { pendingFollowUp: null };
    }
    if (!reading) throw new Error(`question "${question.id}" has no criterion "${state.pendingFollowUp}"`);
    const { gap, judgeText } = reading;
    const { criterion } = gap;
    const followUps = current.followUps + 1;
    const turn = { turnId: followUpTurnId(question.id, followUps), kind: "follow-up" as const };
    // A probe already asked on this question is not asked again (probe.ts): with none left, the question goes on to
    // its grading (the decision checks this first; a criterion's probes all asked is the only way here).
    const probe = probeFor(
      gap,
      turn.turnId,
      turns.filter((t) => t.kind === "follow-up").map((t) => t.prompt),
    );
    if (probe === null) return { pendingFollowUp: null };
    const { text: prompt, meta } = await streamTurn(
      deps,
      state.sessionId,
      questionInfo(state, question, turn),
      deps.interviewer.followUp({
        question,
        criterion,
        probe,
        partly: gap.level > 0,
        nonAnswer: state.pendingNonAnswer,
        // The interviewer reads (and may quote) only the cleaned answer: never a sentence flagged as aimed at the grader.
        answerText: judgeText,
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

/** The follow-up's reading on this thread (no grading thread wired: tests, the CLI). */
function readHere(question: Question, answers: (AnswerBody | null)[], criterionId: string, pack: Pack) {
  const gap = criterionGap(question, answers, criterionId, { pack });
  return gap && { gap, judgeText: prepareAnswer(question, answers, { pack }).judgeText };
}
