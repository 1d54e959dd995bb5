import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import type {
  CodeRunResult,
  CodeWaitingEvent,
  Language,
  QuestionInfo,
  ServerEvent,
  ServerEventName,
} from "../../../server/contracts/index.js";
import { errorMessage, request, socket } from "../socket.js";
import type { AnswerContent } from "./answer.js";
import { initialRoomState, roomReducer, type AnyServerEvent } from "./room-state.js";

/**
 * code:run waits for the sandbox: every visible test may use its whole time
 * budget, so the usual request timeout would give up on a run still going.
 */
const CODE_RUN_TIMEOUT_MS = 60_000;

/**
 * A submit (or an end) that ends the session is acked once every answer is graded: the hidden tests are held
 * to their time budget (so their timing tells nothing) and a model judge may be asked, which can pass the usual
 * request timeout with the answer safely stored.
 */
const ENDING_TIMEOUT_MS = 60_000;

/** After a reconnect, how long to wait for the replay before reloading from a fresh snapshot. */
const REPLAY_GRACE_MS = 2_000;

const EVENT_NAMES: ServerEventName[] = [
  "round:start",
  "question:start",
  "question:delta",
  "question:end",
  "feedback",
  "round:end",
  "session:complete",
];

/**
 * Wires one interview session to the shared socket: loads it with
 * session:resume, feeds live events to the reducer, re-resumes after a
 * reconnect, and exposes what a candidate can do.
 */
export function useInterviewRoom(sessionId: string, resumeToken: string | null) {
  const [state, dispatch] = useReducer(roomReducer, initialRoomState);
  const [connected, setConnected] = useState(socket.connected);
  const [error, setError] = useState<string | null>(null);

  // Socket handlers outlive renders; they read the latest lastSeq through this.
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  useEffect(() => {
    if (!resumeToken) return;
    let disposed = false;
    let sawDisconnect = false;
    let replayTimer: ReturnType<typeof setTimeout> | undefined;

    const onEvent = (item: AnyServerEvent) => {
      // One socket serves the whole app; another session's events are not ours.
      if (item.event.sessionId !== sessionId) return;
      dispatch({ type: "event", item, receivedAt: Date.now() });
    };
    // socket.on is typed per literal event name; registering all seven in a
    // loop needs one loose view of it. Payload types come from the contract.
    const loose = socket as unknown as Record<"on" | "off", (name: string, fn: (event: never) => void) => void>;
    const listeners = EVENT_NAMES.map((name) => {
      const fn = (event: ServerEvent<typeof name>) => onEvent({ name, event } as AnyServerEvent);
      return [name, fn] as const;
    });
    for (const [name, fn] of listeners) loose.on.call(socket, name, fn);

    const load = async () => {
      try {
        const { snapshot } = await request("session:resume", { sessionId, resumeToken });
        if (disposed) return;
        dispatch({ type: "snapshot", snapshot, receivedAt: Date.now() });
        setError(null);
      } catch (err) {
        if (!disposed) setError(errorMessage(err));
      }
    };

    const reresume = async () => {
      if (!stateRef.current.loaded) return load();
      const lastSeq = stateRef.current.lastSeq;
      try {
        const { snapshot } = await request("session:resume", { sessionId, resumeToken, lastSeq });
        if (disposed) return;
        dispatch({ type: "resumed", snapshot, receivedAt: Date.now() });
        setError(null);
        // The server replays what we missed after the ack; if it does not
        // arrive, fall back to the snapshot rather than sit on stale state.
        if (snapshot.lastSeq > lastSeq) {
          clearTimeout(replayTimer);
          replayTimer = setTimeout(() => {
            if (!disposed && stateRef.current.lastSeq < snapshot.lastSeq) void load();
          }, REPLAY_GRACE_MS);
        }
      } catch (err) {
        if (!disposed) setError(errorMessage(err));
      }
    };

    const onConnect = () => {
      setConnected(true);
      if (sawDisconnect) {
        sawDisconnect = false;
        void reresume();
      }
    };
    const onDisconnect = () => {
      sawDisconnect = true;
      setConnected(false);
      dispatch({ type: "disconnected" });
    };
    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    setConnected(socket.connected);
    void load();

    return () => {
      disposed = true;
      clearTimeout(replayTimer);
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      for (const [name, fn] of listeners) loose.off.call(socket, name, fn);
    };
  }, [sessionId, resumeToken]);

  /** Saves on `baseRevision` (the revision the text was typed on); DRAFT_STALE when another tab saved since. */
  const saveDraft = useCallback(
    (questionId: string, content: AnswerContent, baseRevision: number) =>
      request("answer:draft", { sessionId, questionId, ...content, baseRevision }),
    [sessionId],
  );

  const submit = useCallback(
    async (question: QuestionInfo, submissionId: string, content: AnswerContent, baseRevision: number) => {
      const { questionId, baseQuestionId } = question;
      dispatch({ type: "submitting", baseQuestionId, content });
      await request("answer:submit", { sessionId, questionId, submissionId, ...content, baseRevision }, { timeoutMs: ENDING_TIMEOUT_MS });
      dispatch({ type: "submitted", questionId });
      // A retry that went through supersedes the earlier failure message.
      setError(null);
    },
    [sessionId],
  );

  /**
   * Run the open coding question's visible tests against this code (nothing is recorded
   * as an answer). onWaiting hears "code:waiting" if the run queues for a free sandbox.
   */
  const runCode = useCallback(
    async (questionId: string, code: string, language: Language, onWaiting?: (ahead: number) => void): Promise<CodeRunResult> => {
      const onWait = (e: CodeWaitingEvent) => {
        if (e.sessionId === sessionId && e.questionId === questionId) onWaiting?.(e.ahead);
      };
      socket.on("code:waiting", onWait);
      try {
        return await request("code:run", { sessionId, questionId, code, language }, { timeoutMs: CODE_RUN_TIMEOUT_MS });
      } finally {
        socket.off("code:waiting", onWait);
      }
    },
    [sessionId],
  );

  const end = useCallback(async () => {
    await request("session:end", { sessionId }, { timeoutMs: ENDING_TIMEOUT_MS });
  }, [sessionId]);

  const dismissRoundEnd = useCallback(() => dispatch({ type: "dismissRoundEnd" }), []);
  const dismissFeedback = useCallback(() => dispatch({ type: "dismissFeedback" }), []);

  return {
    state,
    /** Connected and resumed on this connection: drafts and submits will be accepted. */
    live: connected && state.linked,
    connected,
    error,
    setError,
    saveDraft,
    submit,
    runCode,
    end,
    dismissRoundEnd,
    dismissFeedback,
  };
}
