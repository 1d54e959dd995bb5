import { useCallback, useEffect, useMemo, useState } from "react";
import { Link } from "wouter";
import type { Report } from "../../../server/contracts/index.js";
import { fetchReport, HttpError } from "../api.js";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { NoSessionToken } from "../components/NoSessionToken.js";
import { ReportQuestionView } from "../components/ReportQuestionView.js";
import { loadResumeToken } from "../session-store.js";
import { errorMessage } from "../socket.js";
import { SignalsForCandidate } from "../integrity/SignalsForCandidate.js";

/** 409 means the interview is still wrapping up (e.g. right after "End interview"); poll briefly. */
const NOT_READY_RETRY_MS = 1_500;
const NOT_READY_MAX_TRIES = 20;

const END_REASONS: Record<Report["rounds"][number]["endReason"], string> = {
  completed: "completed",
  timeout: "ran out of time",
  ended: "ended early",
};

/** Which grader produced the scores, so a report can be compared with a later one. */
function graderInfo(report: Report): string {
  const parts = [`Grader ${report.graderVersion}`];
  if (report.judgeModel) parts.push(`judge ${report.judgeModel}${report.judgePromptVersion ? ` (prompt ${report.judgePromptVersion})` : ""}`);
  else if (report.judgePromptVersion) parts.push(`judge prompt ${report.judgePromptVersion}`);
  else parts.push("no judge model");
  return parts.join(" · ");
}

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
        if (err instanceof HttpError && err.status === 409 && notReadyTries < NOT_READY_MAX_TRIES) {
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
    // notReadyTries is read, not a trigger: `attempt` drives refetches.
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
    <div className="report">
      <section className="panel report-summary">
        <div>
          <h1>{report.packTitle}</h1>
          <p className="muted">
            {report.mode} mode{report.level ? ` · ${report.level} level` : ""} ·{" "}
            {new Date(report.completedAt).toLocaleString()}
          </p>
          <p className="muted small grader-info" data-testid="grader-info">
            {graderInfo(report)}
          </p>
          {report.usage && report.usage.calls > 0 && (
            <p className="muted small" data-testid="usage">
              {usageLine(report.usage)}
            </p>
          )}
        </div>
        <div className="overall" aria-label="Overall score out of 100">
          <span className="overall-number" data-testid="report-overall">
            {Math.round(report.overall)}
          </span>
          <span className="muted">/ 100</span>
        </div>
      </section>
      <SignalsForCandidate sessionId={sessionId} resumeToken={resumeToken} />

      {report.rounds.map((round) => (
        <section key={round.roundId} className="report-round">
          <h2>
            {round.title} <span className="muted small">({END_REASONS[round.endReason]})</span>
          </h2>
          {round.questions.length === 0 && <p className="muted">No questions were asked in this round.</p>}
          {round.questions.map((q) => (
            <ReportQuestionView key={q.questionId} question={q} judgeModel={report.judgeModel ?? null} />
          ))}
        </section>
      ))}

      <p>
        <Link href="/">Back to the lobby</Link>
      </p>
    </div>
  );
}

/** "Model use: 3 calls, 4,210 tokens, about $0.0021" (and whether the budget ran out). */
function usageLine(u: NonNullable<Report["usage"]>): string {
  const tokens = (u.inputTokens + u.outputTokens).toLocaleString("en-US");
  const cost = u.costUsd === null ? "cost unknown (no price configured)" : `about $${u.costUsd < 0.01 ? u.costUsd.toPrecision(2) : u.costUsd.toFixed(2)}`;
  const budget = u.budgetExhausted ? "; the session's token budget ran out, so the offline interviewer finished the interview" : "";
  return `Model use: ${u.calls} call${u.calls === 1 ? "" : "s"}, ${tokens} tokens, ${cost}${budget}.`;
}
