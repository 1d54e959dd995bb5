import { useEffect, useRef, useState } from "react";
import type { SessionSignals, SignalEvent } from "../../../server/contracts/index.js";
import { createRecorder } from "./recorder.js";

const FLUSH_MS = 5000;

const send = (sessionId: string, resumeToken: string, events: SignalEvent[], keepalive = false) =>
  fetch(`/api/sessions/${encodeURIComponent(sessionId)}/signals`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Resume-Token": resumeToken },
    body: JSON.stringify({ events }),
    keepalive,
  });

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
    fetch(`/api/sessions/${encodeURIComponent(sessionId)}/signals`, { headers: { "X-Resume-Token": resumeToken } })
      .then((r) => (r.ok ? (r.json() as Promise<SessionSignals>) : null))
      .then((s) => !cancelled && setRecording(Boolean(s?.recording)))
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
        const res = await send(sessionId, resumeToken, events, keepalive);
        // The session ended or hit its cap: stop; other failures retry with the next flush.
        if (res.status === 409) stopped = true;
        else if (!res.ok && res.status >= 500) recorder.putBack(events);
      } catch {
        recorder.putBack(events);
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
