import type {
  Draft,
  Language,
  Mode,
  Plan,
  QuestionInfo,
  RoundEndReason,
  RoundInfo,
  ServerEvent,
  ServerEventName,
  Snapshot,
} from "../../../server/contracts/index.js";
import type { AnswerContent, CodeAnswer } from "./answer.js";

/**
 * The interview room as a pure reducer: a snapshot from session:resume sets
 * the state, then live events with a higher seq move it on. Every event
 * carries the session's seq, so "apply only seq > lastSeq" makes replays and
 * duplicate deliveries harmless.
 */

/** One server event together with its name, so a single reducer case can switch on it. */
export type AnyServerEvent = { [N in ServerEventName]: { name: N; event: ServerEvent<N> } }[ServerEventName];

export type RoomQuestion = QuestionInfo & { text: string; streaming: boolean };

export type RoundEndNotice = { roundId: string; title: string; reason: RoundEndReason };

/** Practice-mode scores, with the question they grade and what the candidate answered. */
export type FeedbackNotice = { event: ServerEvent<"feedback">; questionTitle: string; answer: AnswerContent | null };

/** An earlier turn of the open question: the original question, or a follow-up, with the answer given. */
export type EarlierTurn = { kind: "main" | "follow-up"; prompt: string; answer: AnswerContent | null };

export type RoomState = {
  loaded: boolean;
  /** Events that arrived before the first snapshot; replayed onto it once it lands. */
  early: { item: AnyServerEvent; receivedAt: number }[];
  /** True once session:resume succeeded on the current connection (the server binds the session to it). */
  linked: boolean;
  mode: Mode;
  plan: Plan;
  lastSeq: number;
  /** serverClock - clientClock, in ms. */
  clockOffset: number;
  round: RoundInfo | null;
  /** The round got round:end and the next has not started yet. */
  roundOver: boolean;
  question: RoomQuestion | null;
  /** During a follow-up: the original question and the answers so far, kept in view. */
  earlier: EarlierTurn[];
  /** The saved draft to restore into the answer box; only for the current question. */
  draft: Draft | null;
  /** Set after a submit is acked; cleared by the next question:start. */
  submittedQuestionId: string | null;
  /** The last answer sent (a follow-up only comes after it was accepted), so a follow-up on code can start from it. */
  lastSubmitted: { baseQuestionId: string; content: AnswerContent } | null;
  /** Titles of the main questions seen, by id: feedback is graded after the room has moved on, so it names its question from here. */
  titles: Record<string, string>;
  /**
   * Kept past the next question:start: the server sends the next question
   * right after the feedback, so clearing it there would hide it at once.
   * Replaced by the next feedback or dismissed by the candidate.
   */
  feedback: FeedbackNotice | null;
  roundEnd: RoundEndNotice | null;
  complete: boolean;
};

export type RoomAction =
  | { type: "snapshot"; snapshot: Snapshot; receivedAt: number }
  | { type: "resumed"; snapshot: Snapshot; receivedAt: number }
  | { type: "event"; item: AnyServerEvent; receivedAt: number }
  | { type: "submitting"; baseQuestionId: string; content: AnswerContent }
  | { type: "submitted"; questionId: string }
  | { type: "disconnected" }
  | { type: "dismissRoundEnd" }
  | { type: "dismissFeedback" };

export const initialRoomState: RoomState = {
  loaded: false,
  early: [],
  linked: false,
  mode: "timed",
  plan: { rounds: [] },
  lastSeq: 0,
  clockOffset: 0,
  round: null,
  roundOver: false,
  question: null,
  earlier: [],
  draft: null,
  submittedQuestionId: null,
  lastSubmitted: null,
  titles: {},
  feedback: null,
  roundEnd: null,
  complete: false,
};

export function roomReducer(state: RoomState, action: RoomAction): RoomState {
  switch (action.type) {
    case "snapshot": {
      // A snapshot older than what we already applied would move us backwards.
      if (state.loaded && action.snapshot.lastSeq < state.lastSeq) return { ...state, linked: true };
      const base = fromSnapshot(action.snapshot, action.receivedAt);
      return state.early.reduce((s, e) => applyEvent(s, e.item, e.receivedAt), base);
    }
    case "resumed":
      // Reconnect: the server replays the events we missed right after this ack,
      // so only the clock and the completion flag are taken from the snapshot.
      return {
        ...state,
        linked: true,
        clockOffset: action.snapshot.serverNow - action.receivedAt,
        complete: state.complete || action.snapshot.status === "complete",
      };
    case "event":
      if (!state.loaded) return { ...state, early: [...state.early, { item: action.item, receivedAt: action.receivedAt }] };
      return applyEvent(state, action.item, action.receivedAt);
    case "submitting": {
      // Recorded as the submit goes out, not when it is acked: the follow-up's
      // question:start can arrive before the ack, and its editor starts from this code.
      // A text-only answer to a follow-up keeps the code it was about, for the next follow-up.
      const prev = state.lastSubmitted;
      const content: AnswerContent =
        !("code" in action.content) && prev?.baseQuestionId === action.baseQuestionId && "code" in prev.content
          ? { code: prev.content.code, language: prev.content.language, text: action.content.text }
          : action.content;
      return { ...state, lastSubmitted: { baseQuestionId: action.baseQuestionId, content } };
    }
    case "submitted":
      // The next question:start may already have arrived before the ack did.
      if (state.question?.questionId !== action.questionId) return state;
      return { ...state, submittedQuestionId: action.questionId };
    case "disconnected":
      return { ...state, linked: false };
    case "dismissRoundEnd":
      return { ...state, roundEnd: null };
    case "dismissFeedback":
      return { ...state, feedback: null };
  }
}

function fromSnapshot(s: Snapshot, receivedAt: number): RoomState {
  const question = s.question ? { ...s.question, streaming: false } : null;
  return {
    ...initialRoomState,
    loaded: true,
    linked: true,
    mode: s.mode,
    plan: s.plan,
    lastSeq: s.lastSeq,
    clockOffset: s.serverNow - receivedAt,
    round: s.round,
    question,
    earlier: question ? (s.earlierTurns ?? []).map((t) => ({ kind: t.kind, prompt: t.prompt, answer: answerOf(t.answer) })) : [],
    draft: s.draft && question && s.draft.questionId === question.questionId ? s.draft : null,
    // After a reload on a coding follow-up, the editor continues from the code already submitted.
    lastSubmitted: s.lastCode && question ? { baseQuestionId: question.baseQuestionId, content: s.lastCode } : null,
    titles: question && question.kind === "main" ? { [question.baseQuestionId]: question.title } : {},
    complete: s.status === "complete",
  };
}

function applyEvent(state: RoomState, item: AnyServerEvent, receivedAt: number): RoomState {
  if (item.event.seq <= state.lastSeq) return state;
  const next = { ...state, lastSeq: item.event.seq };
  switch (item.name) {
    case "round:start": {
      const { seq: _seq, sessionId: _sid, serverNow, ...round } = item.event;
      // serverNow - receivedAt underestimates the offset by the delivery delay,
      // and a replayed event's serverNow is old; so keep the larger estimate.
      return {
        ...next,
        round,
        roundOver: false,
        clockOffset: Math.max(state.clockOffset, serverNow - receivedAt),
      };
    }
    case "question:start": {
      const { seq: _seq, sessionId: _sid, ...info } = item.event;
      return {
        ...next,
        question: { ...info, text: "", streaming: true },
        titles: info.kind === "main" ? { ...state.titles, [info.baseQuestionId]: info.title } : state.titles,
        earlier: earlierFor(state, info),
        draft: null,
        submittedQuestionId: null,
      };
    }
    case "question:delta":
      if (state.question?.questionId !== item.event.questionId) return next;
      return { ...next, question: { ...state.question, text: state.question.text + item.event.text } };
    case "question:end":
      if (state.question?.questionId !== item.event.questionId) return next;
      return { ...next, question: { ...state.question, text: item.event.text, streaming: false } };
    case "feedback": {
      // feedback.questionId is the main question's id; the answered turn is still `question` here.
      const q = state.question;
      const ours = q !== null && (q.baseQuestionId === item.event.questionId || q.questionId === item.event.questionId);
      const answer = state.lastSubmitted?.baseQuestionId === item.event.questionId ? state.lastSubmitted.content : null;
      // The server names the question; a reload loses the client's own titles (older events lack the title).
      const questionTitle = item.event.title ?? state.titles[item.event.questionId] ?? (ours ? q.title : "the previous question");
      return { ...next, feedback: { event: item.event, questionTitle, answer } };
    }
    case "round:end": {
      const title = state.plan.rounds.find((r) => r.roundId === item.event.roundId)?.title ?? state.round?.title ?? "Round";
      const sameRound = state.question?.roundId === item.event.roundId;
      return {
        ...next,
        roundOver: state.round?.roundId === item.event.roundId ? true : state.roundOver,
        // The round's open question is closed by the server (timeout / end).
        question: sameRound ? null : state.question,
        submittedQuestionId: sameRound ? null : state.submittedQuestionId,
        roundEnd: { roundId: item.event.roundId, title, reason: item.event.reason },
      };
    }
    case "session:complete":
      return { ...next, complete: true };
  }
}

/** Nothing to answer right now: after a submit, or between questions. */
export function isWaiting(state: RoomState): boolean {
  if (!state.loaded || state.complete) return false;
  return state.question === null || state.submittedQuestionId === state.question.questionId;
}

/**
 * A follow-up on a coding question usually asks to change the code just
 * submitted, so its editor starts from that code rather than the starter.
 */
export function carryOverFor(state: RoomState, question: QuestionInfo): CodeAnswer | null {
  const last = state.lastSubmitted;
  if (question.kind !== "follow-up" || question.answerFormat !== "code") return null;
  if (!last || last.baseQuestionId !== question.baseQuestionId || !("code" in last.content)) return null;
  // Only the code carries over; the explanation box starts empty.
  return { code: last.content.code, language: last.content.language };
}

/** "Round i of n": position in the plan when known (RoundInfo.index's base is not specified). */
export function roundPosition(state: RoomState): { index: number; total: number } | null {
  const round = state.round;
  if (!round) return null;
  const at = state.plan.rounds.findIndex((r) => r.roundId === round.roundId);
  if (at >= 0) return { index: at + 1, total: state.plan.rounds.length };
  return { index: round.index, total: round.total };
}

function answerOf(
  a: { text?: string | undefined; code?: string | undefined; language?: Language | undefined } | null,
): AnswerContent | null {
  if (!a) return null;
  if (a.code !== undefined && a.language) return { code: a.code, language: a.language, ...(a.text ? { text: a.text } : {}) };
  return a.text !== undefined ? { text: a.text } : null;
}

/**
 * A follow-up keeps the turns before it in view: the question it follows up
 * (as streamed) and the answer just sent. A main question starts afresh.
 */
function earlierFor(state: RoomState, info: QuestionInfo): EarlierTurn[] {
  if (info.kind !== "follow-up") return [];
  const prev = state.question;
  if (!prev || prev.baseQuestionId !== info.baseQuestionId || prev.questionId === info.questionId) return state.earlier;
  const answer = state.lastSubmitted?.baseQuestionId === info.baseQuestionId ? state.lastSubmitted.content : null;
  return [...state.earlier, { kind: prev.kind, prompt: prev.text, answer }];
}

/**
 * "Question 2 of 3", and for a follow-up "Follow-up on question 2 of 3":
 * a follow-up is not a new question of the round.
 */
export function questionPosition(question: QuestionInfo): string {
  const of = `question ${question.index} of ${question.totalInRound}`;
  return question.kind === "follow-up" ? `Follow-up on ${of}` : `Question ${question.index} of ${question.totalInRound}`;
}
