import { useCallback, useEffect, useMemo, useState } from "react";
import { Link } from "wouter";
import type { Report } from "../../../server/contracts/index.js";
import { fetchReport, HttpError } from "../api.js";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { NoSessionToken } from "../components/NoSessionToken.js";
import { ReportActions } from "../report/ReportActions.js";
import { ReportView } from "../report/ReportView.js";
import { ShareControls } from "../report/ShareControls.js";
import { loadResumeToken } from "../session-store.js";
import { errorMessage } from "../socket.js";
import { SignalsForCandidate } from "../integrity/SignalsForCandidate.js";

/** 409 means the interview is still wrapping up (e.g. right after "End interview"); poll briefly. */
const NOT_READY_RETRY_MS = 1_500;
const NOT_READY_MAX_TRIES = 20;

export function ReportPage({ sessionId }: { sessionId: string }) {
  const resumeToken = useMemo(() => loadResumeToken(sessionId), [sessionId]);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [notReadyTries, setNotReadyTries] = useState(0);
  const retry = useCallback(() => {
    setNotReadyTries(0);
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    if (!resumeToken) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setError(null);
    fetchReport(sessionId, resumeToken)
      .then((r) => {
        if (!cancelled) setReport(r);
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        if (err instanceof HttpError && err.code === "SESSION_IN_PROGRESS" && notReadyTries < NOT_READY_MAX_TRIES) {
          timer = setTimeout(() => {
            setNotReadyTries((n) => n + 1);
            setAttempt((n) => n + 1);
          }, NOT_READY_RETRY_MS);
          return;
        }
        setError(`Could not load the report: ${errorMessage(err)}`);
      });
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- notReadyTries is read, not a trigger: `attempt` drives refetches.
  }, [sessionId, resumeToken, attempt]);

  if (!resumeToken) return <NoSessionToken sessionId={sessionId} />;

  if (!report) {
    return (
      <section className="panel">
        <h1>Interview report</h1>
        {error ? (
          <>
            <ErrorBanner message={error} />
            <p>
              <button type="button" onClick={retry}>
                Try again
              </button>{" "}
              <Link href="/">Back to the lobby</Link>
            </p>
          </>
        ) : (
          <p className="muted">{notReadyTries > 0 ? "The interview is still wrapping up…" : "Loading the report…"}</p>
        )}
      </section>
    );
  }

  return (
    <ReportView
      report={report}
      actions={
        <>
          <ReportActions report={report}>
            <ShareControls sessionId={sessionId} resumeToken={resumeToken} />
            <Link href="/progress" className="button-link">
              Your progress
            </Link>
          </ReportActions>
          <SignalsForCandidate sessionId={sessionId} resumeToken={resumeToken} />
        </>
      }
      usage={report.usage && report.usage.calls > 0 ? <p data-testid="usage">{usageLine(report.usage)}</p> : null}
    />
  );
}

/** "Model use: 3 calls, 4,210 tokens, about $0.0021" (and whether the budget ran out). */
function usageLine(u: NonNullable<Report["usage"]>): string {
  const tokens = (u.inputTokens + u.outputTokens).toLocaleString("en-US");
  const cost =
    u.costUsd === null
      ? "cost unknown (no price configured)"
      : `about $${u.costUsd < 0.01 ? u.costUsd.toPrecision(2) : u.costUsd.toFixed(2)}`;
  const budget = u.budgetExhausted ? "; the session's token budget ran out, so the offline interviewer finished the interview" : "";
  return `Model use: ${u.calls} call${u.calls === 1 ? "" : "s"}, ${tokens} tokens, ${cost}${budget}.`;
}
