import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useLocation } from "wouter";
import { AnswerPanel } from "../components/AnswerPanel.js";
import { Countdown } from "../components/Countdown.js";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { IntegritySignals } from "../integrity/IntegritySignals.js";
import { FeedbackPanel } from "../components/FeedbackPanel.js";
import { NoSessionToken } from "../components/NoSessionToken.js";
import { QuestionView } from "../components/QuestionView.js";
import { RoundEndNotice } from "../components/RoundEndNotice.js";
import { EarlierTurns } from "../room/EarlierTurns.js";
import { SplitPane } from "../room/SplitPane.js";
import { carryOverFor, isWaiting, roundPosition } from "../room/room-state.js";
import type { DraftHandle } from "../room/useAutosave.js";
import { useInterviewRoom } from "../room/useInterviewRoom.js";
import { loadResumeToken } from "../session-store.js";
import { errorMessage, RequestError } from "../socket.js";

/** If session:end is acked but session:complete never shows up, go to the report anyway. */
const END_FALLBACK_MS = 5_000;

export function InterviewRoom({ sessionId }: { sessionId: string }) {
  const resumeToken = useMemo(() => loadResumeToken(sessionId), [sessionId]);
  const room = useInterviewRoom(sessionId, resumeToken);
  const { state } = room;
  const [, navigate] = useLocation();
  const [ending, setEnding] = useState<"no" | "sent" | "acked">("no");
  /** The open answer panel's draft: "save it now" and the revision it shows, for ending the interview without losing typing. */
  const draftRef = useRef<DraftHandle | null>(null);
  const registerDraft = useCallback((handle: DraftHandle | null) => {
    draftRef.current = handle;
  }, []);

  useEffect(() => {
    // Practice: the last question's feedback is read before the report opens.
    if (state.complete && !state.feedback) navigate(`/report/${sessionId}`, { replace: true });
  }, [state.complete, state.feedback, sessionId, navigate]);

  useEffect(() => {
    if (ending !== "acked") return;
    const id = setTimeout(() => navigate(`/report/${sessionId}`, { replace: true }), END_FALLBACK_MS);
    return () => clearTimeout(id);
  }, [ending, sessionId, navigate]);

  if (!resumeToken) return <NoSessionToken sessionId={sessionId} />;

  const position = roundPosition(state);
  const waiting = isWaiting(state);
  const question = state.question;
  const open = question && !waiting ? question : null;
  const deadline = state.round?.endsAt != null ? state.round.endsAt - state.clockOffset : null;

  const endInterview = async () => {
    // Save what was just typed before the confirm dialog blocks the autosave timer:
    // ending grades the open question's last saved draft.
    await draftRef.current?.saveNow().catch(() => undefined);
    if (!window.confirm("End the interview now? Questions you have not answered will score zero.")) return;
    setEnding("sent");
    try {
      // Ending grades the stored draft: name the revision this tab shows, so another tab's newer save is not graded unseen.
      const shown = await draftRef.current?.saveNow().catch(() => undefined);
      await room.end(shown);
      setEnding("acked");
    } catch (err) {
      setEnding("no");
      if (err instanceof RequestError && err.code === "DRAFT_STALE") draftRef.current?.refusedAsStale(err.draft ?? null);
      room.setError(`Could not end the interview: ${errorMessage(err)}`);
    }
  };

  return (
    <div className="room">
      <header className="room-header">
        <div className="room-round">
          <h1 data-testid="round-title">{state.round?.title ?? (state.loaded ? "Between rounds" : "Loading…")}</h1>
          <span className="muted">
            {position && `Round ${position.index} of ${position.total}`}
            {state.loaded && `${position ? " · " : ""}${state.mode === "practice" ? "Practice" : "Timed"}`}
          </span>
        </div>
        <div className="room-controls">
          {state.round && <Countdown endsAt={state.round.endsAt} clockOffset={state.clockOffset} over={state.roundOver} />}
          <button
            type="button"
            className="danger"
            data-testid="end-session"
            onClick={() => void endInterview()}
            disabled={!state.loaded || ending !== "no" || state.complete}
          >
            {ending !== "no" ? "Ending…" : "End interview"}
          </button>
        </div>
      </header>

      <IntegritySignals sessionId={sessionId} resumeToken={resumeToken} questionId={open?.questionId ?? null} />
      {room.error && <ErrorBanner message={room.error} onDismiss={() => room.setError(null)} />}
      {!room.connected && state.loaded && <div className="notice warn">Connection lost. Reconnecting…</div>}
      {state.roundEnd && <RoundEndNotice notice={state.roundEnd} onDismiss={room.dismissRoundEnd} />}

      {!state.loaded ? (
        !room.error && <p className="muted">Loading your interview…</p>
      ) : state.mode === "practice" && state.feedback ? (
        // Practice feedback stands in for the next question until the candidate moves on.
        <FeedbackPanel
          feedback={state.feedback}
          onContinue={room.dismissFeedback}
          next={state.complete ? "report" : state.question !== null && !waiting ? "question" : "wait"}
        />
      ) : (
        <SplitPane
          left={
            <div className="room-question panel" tabIndex={0} role="region" aria-label="Question">
              {/* Once answered, the question steps aside until the next one streams in. */}
              {open ? (
                <>
                  <EarlierTurns turns={state.earlier} />
                  <QuestionView question={open} />
                </>
              ) : question ? (
                <p className="muted">Your answer to “{question.title}” was submitted.</p>
              ) : (
                <p className="muted">No question is open right now.</p>
              )}
            </div>
          }
          right={
            <div className="room-answer">
              {open ? (
                <AnswerPanel
                  key={open.questionId}
                  question={open}
                  initialDraft={state.draft}
                  carryOver={carryOverFor(state, open)}
                  live={room.live}
                  deadline={deadline}
                  onSaveDraft={room.saveDraft}
                  onSubmit={room.submit}
                  onRunCode={room.runCode}
                  onError={room.setError}
                  registerDraft={registerDraft}
                />
              ) : (
                waiting && (
                  <p className="waiting" data-testid="waiting" role="status">
                    Waiting for the next question…
                  </p>
                )
              )}
            </div>
          }
        />
      )}
    </div>
  );
}
