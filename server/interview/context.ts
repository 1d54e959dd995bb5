import type { PlanRound, QuestionInfo, RoundInfo } from "../contracts/index.js";
import { answerLanguages, ROUND_KINDS } from "../rounds/index.js";
import { sessionPack, sessionQuestion, visibleTests, type Pack, type PackRecord, type Question } from "../scenarios/index.js";
import type { InterviewDeps } from "./deps.js";
import type { InterviewStateValue } from "./state.js";

/** Lookups shared by the nodes and the session snapshot, so both describe a turn alike. */

/** The exact pack version this session started on (versions never change), as stored: no variant values filled in. */
export async function basePackOf(deps: Pick<InterviewDeps, "packs">, state: InterviewStateValue): Promise<Pack> {
  return (await recordOf(deps, state)).pack;
}

/** The exact pack version this session started on (versions never change), with this session's variant values filled in. */
export async function packOf(deps: Pick<InterviewDeps, "packs">, state: InterviewStateValue): Promise<Pack> {
  return sessionPack((await recordOf(deps, state)).pack, state.sessionId);
}

/** One question of the session's pack with its variant values: what a graph step needs, without instantiating the whole pack. */
export async function questionOf(deps: Pick<InterviewDeps, "packs">, state: InterviewStateValue, id: string): Promise<Question> {
  const pack = await basePackOf(deps, state);
  return sessionQuestion(questionById(pack, id), state.sessionId);
}

async function recordOf(deps: Pick<InterviewDeps, "packs">, state: InterviewStateValue): Promise<PackRecord> {
  const record = await deps.packs.get(state.packId, state.packVersion);
  if (!record) throw new Error(`pack "${state.packId}" v${state.packVersion} is not available`);
  return record;
}

export function currentRound(state: InterviewStateValue): PlanRound {
  const round = state.interviewPlan.rounds[state.roundIndex];
  if (!round) throw new Error(`no round at index ${state.roundIndex}`);
  return round;
}

export function questionById(pack: Pack, id: string): Question {
  const q = pack.questions.find((x) => x.id === id);
  if (!q) throw new Error(`pack "${pack.id}" has no question "${id}"`);
  return q;
}

export function roundInfo(state: InterviewStateValue): RoundInfo {
  const round = currentRound(state);
  return {
    roundId: round.roundId,
    kind: round.kind,
    title: round.title,
    index: state.roundIndex + 1,
    total: state.interviewPlan.rounds.length,
    endsAt: state.roundEndsAt,
  };
}

export function questionInfo(
  state: InterviewStateValue,
  question: Question,
  turn: { turnId: string; kind: "main" | "follow-up" },
): QuestionInfo {
  const round = currentRound(state);
  return {
    questionId: turn.turnId,
    baseQuestionId: question.id,
    kind: turn.kind,
    roundId: round.roundId,
    title: question.title,
    answerFormat: ROUND_KINDS[question.kind].answerFormat,
    languages: answerLanguages(question),
    ...(question.starterCode ? { starterCode: { ...question.starterCode } } : {}),
    ...(question.coding ? { visibleTests: visibleTests(question) } : {}),
    index: round.questionIds.indexOf(question.id) + 1,
    totalInRound: round.questionIds.length,
  };
}

export const followUpTurnId = (questionId: string, n: number) => `${questionId}~f${n}`;
