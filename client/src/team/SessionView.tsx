import { useEffect, useState } from "react";
import { routes, type ReportQuestion, type TeamSessionDetail } from "../../../server/contracts/index.js";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { dateTime, duration, message, score, signalsText } from "./format.js";
import { OverrideForm } from "./OverrideForm.js";
import { TurnPrompt } from "./TurnPrompt.js";
import type { ReviewApi } from "./review-api.js";
import { useCan } from "./role.js";

/** One session as the team reviews it: transcript, evidence, code and tests, flags, signals; overrides and their audit. */
export function SessionView({ api, sessionId, onBack }: { api: ReviewApi; sessionId: string; onBack: () => void }) {
  const [detail, setDetail] = useState<TeamSessionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.session(sessionId).then(setDetail, (err: unknown) => setError(`Could not open the session: ${message(err)}`));
  }, [api, sessionId]);

  if (!detail)
    return <section className="panel">{error ? <ErrorBanner message={error} /> : <p className="muted">Loading the session…</p>}</section>;
  const { session, report } = detail;
  return (
    <section className="team-session" data-testid="session-view">
      <div className="team-toolbar">
        <button type="button" className="link" onClick={onBack} data-testid="back-to-sessions">
          ← All sessions
        </button>
      </div>
      <div className="panel">
        <h1 data-testid="session-title">{session.candidateLabel ?? "Shared-link candidate"}</h1>
        <p className="muted small">
          {session.candidateEmail && <>{session.candidateEmail} · </>}
          <code>{session.packKey}</code> v{session.packVersion} · {session.mode}
          {session.level && <> · {session.level}</>} · started {dateTime(session.startedAt)} · {duration(session.secondsUsed)}
        </p>
        <p>
          Score <strong data-testid="detail-score">{score(session.score)}</strong>
          {session.overrides > 0 && <span className="muted"> (graded {score(session.gradedScore)}; with reviewers' overrides)</span>}
        </p>
        <h2>Integrity signals</h2>
        <p data-testid="detail-signals">{signalsText(session.signals)}</p>
        {detail.signals.length > 0 && (
          <details>
            <summary className="small">Every recorded signal ({detail.signals.length})</summary>
            <ul className="small signal-list">
              {detail.signals.map((s) => (
                <li key={s.seq}>
                  {dateTime(s.at)} · {s.kind}
                  {s.questionId && <> on {s.questionId}</>}
                  {s.chars !== null && <> · {s.chars} chars</>}
                  {s.ms !== null && <> · {duration(Math.round(s.ms / 1000))}</>}
                </li>
              ))}
            </ul>
          </details>
        )}
        <p className="muted small">
          Signals are recorded only for invited candidates, who are told what is recorded before they start. They are facts, never a
          verdict.
        </p>
      </div>

      {!report && <p className="panel muted">The session is still running; its transcript and scores appear when it ends.</p>}
      {report?.rounds.map((round) => (
        <div className="panel" key={round.roundId}>
          <h2>
            {round.title} <span className="muted small">({round.endReason})</span>
          </h2>
          {round.questions.map((q) => (
            <QuestionReview
              key={q.questionId}
              question={q}
              detail={detail}
              onOverride={async (criterionId, value, note) =>
                setDetail(await api.override(sessionId, { questionId: q.questionId, criterionId, score: value, note }))
              }
            />
          ))}
        </div>
      ))}

      <div className="panel">
        <h2>Audit trail</h2>
        {detail.audit.length === 0 ? (
          <p className="muted" data-testid="audit-empty">
            No score has been changed.
          </p>
        ) : (
          <table className="pack-table" data-testid="audit-table">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>Criterion</th>
                <th>Before → after</th>
                <th>Note</th>
              </tr>
            </thead>
            <tbody>
              {detail.audit.map((a) => (
                <tr key={a.id} data-testid="audit-row">
                  <td>{dateTime(a.at)}</td>
                  <td>
                    {a.by} {a.role && <span className="muted small">({a.role})</span>}
                  </td>
                  <td>
                    <code>
                      {a.questionId}/{a.criterionId}
                    </code>
                  </td>
                  <td className="num">
                    {a.before} → {a.after} <span className="muted small">(graded {a.original})</span>
                  </td>
                  <td>{a.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

function QuestionReview({
  question: q,
  detail,
  onOverride,
}: {
  question: ReportQuestion;
  detail: TeamSessionDetail;
  onOverride: (criterionId: string, score: number, note: string) => Promise<void>;
}) {
  // Editors and viewers read the scores; only a role that may override gets the form.
  const overrides = useCan()(routes.overrideScore);
  return (
    <article className="question-review" data-testid="question-review">
      <h3>
        {q.title} <span className="muted small">{score(detail.adjustedQuestionScores[q.questionId] ?? q.score)} / 100</span>
      </h3>
      {q.turns.map((t) => (
        <div key={t.turnId} className="turn">
          <TurnPrompt kind={t.kind} prompt={t.prompt} />
          {t.answer?.text && <blockquote data-testid="turn-answer">{t.answer.text}</blockquote>}
          {t.answer?.code && <pre className="code-block">{t.answer.code}</pre>}
          {!t.answer && <p className="muted small">No answer ({t.reason}).</p>}
        </div>
      ))}
      {q.tests && (
        <p className="small" data-testid="test-summary">
          Tests: {q.tests.results.filter((r) => r.passed).length} of {q.tests.results.length} passed
        </p>
      )}
      {q.flags.length > 0 && (
        <ul className="small flag-list">
          {q.flags.map((f, i) => (
            <li key={i}>
              <span className="badge badge-fail">{f.kind}</span> {f.message} <q>{f.quote}</q>
            </li>
          ))}
        </ul>
      )}
      <table className="pack-table criteria-table">
        <thead>
          <tr>
            <th>Criterion</th>
            <th>Score</th>
            <th>Evidence</th>
            <th>Override</th>
          </tr>
        </thead>
        <tbody>
          {q.criteria.map((c) => {
            const o = detail.overrides[`${q.questionId}/${c.criterionId}`];
            return (
              <tr key={c.criterionId} data-testid="criterion-row" data-criterion={c.criterionId}>
                <td>{c.title}</td>
                <td className="num" data-testid="criterion-score">
                  {o ? (
                    <>
                      <s>{c.score}</s> → <strong>{o.score}</strong>
                      <div className="muted small">
                        by {o.by}: {o.note}
                      </div>
                    </>
                  ) : (
                    c.score
                  )}
                  /4
                </td>
                <td className="small">
                  {c.evidence.length === 0 ? (
                    <span className="muted">none quoted</span>
                  ) : (
                    c.evidence.map((e, i) => (
                      <div key={i}>
                        <mark>{e.quote}</mark> <span className="muted">— {e.note}</span>
                      </div>
                    ))
                  )}
                  <div className="muted">{c.feedback}</div>
                </td>
                <td>
                  {overrides && (
                    <OverrideForm current={o?.score ?? c.score} onSave={(value, note) => onOverride(c.criterionId, value, note)} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}
