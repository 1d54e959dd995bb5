import { useEffect, useRef, useState } from "react";
import { routes } from "../../../server/contracts/index.js";
import { ApiError, callRoute, type ClientErrorCode } from "../call-route.js";
import { createRecorder } from "./recorder.js";

const FLUSH_MS = 5000;

/** Refusals that will not change by sending again: stop recording. */
const FINAL: readonly ClientErrorCode[] = ["SESSION_OVER", "SIGNALS_FULL", "SIGNALS_NOT_RECORDED", "FORBIDDEN", "NOT_FOUND"];
/** Failures worth sending the same batch again for (other refusals drop it). */
const TRANSIENT: readonly ClientErrorCode[] = ["UNREACHABLE", "RATE_LIMITED", "INTERNAL", "UNEXPECTED_REPLY"];

/**
 * Records disclosed integrity signals in the interview room (pastes and their
 * size, time away from the tab, typing runs), only for sessions the server
 * records (invited ones, whose candidate was told first). Self-contained: it
 * listens on the document, so the room needs no other change.
 */
export function useIntegritySignals(sessionId: string, resumeToken: string | null, questionId: string | null): { recording: boolean } {
  const [recording, setRecording] = useState(false);
  const question = useRef(questionId);
  question.current = questionId;

  useEffect(() => {
    if (!resumeToken) return;
    let cancelled = false;
    callRoute(routes.sessionSignals, { params: { sessionId }, resumeToken })
      .then((s) => !cancelled && setRecording(s.recording))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [sessionId, resumeToken]);

  useEffect(() => {
    if (!recording || !resumeToken) return;
    const recorder = createRecorder(Date.now);
    let stopped = false;
    const flush = async (force = false, keepalive = false) => {
      const events = recorder.take(force);
      if (events.length === 0) return;
      try {
        await callRoute(routes.recordSignals, { params: { sessionId }, resumeToken, body: { events }, keepalive });
      } catch (err) {
        // The session ended or hit its cap: stop. A refused batch is dropped; unreachable or failed ones retry with the next flush.
        if (err instanceof ApiError && FINAL.includes(err.code)) stopped = true;
        else if (!(err instanceof ApiError) || TRANSIENT.includes(err.code)) recorder.putBack(events);
      }
    };
    const q = () => question.current ?? undefined;
    // A paste is sent at once: it is the signal a team most wants, and the final submit may come right after.
    const onPaste = (e: ClipboardEvent) => {
      recorder.paste(e.clipboardData?.getData("text")?.length ?? 0, q());
      void flush();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) recorder.keystroke(q());
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") {
        recorder.away();
        void flush(true, true);
      } else recorder.back();
    };
    const onBlur = () => recorder.away();
    const onFocus = () => recorder.back();
    document.addEventListener("paste", onPaste, true);
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("blur", onBlur);
    window.addEventListener("focus", onFocus);
    const timer = window.setInterval(() => !stopped && void flush(), FLUSH_MS);
    return () => {
      document.removeEventListener("paste", onPaste, true);
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("blur", onBlur);
      window.removeEventListener("focus", onFocus);
      window.clearInterval(timer);
      if (!stopped) void flush(true, true);
    };
  }, [recording, sessionId, resumeToken]);

  return { recording };
}
