import type { ReactNode } from "react";
import type { Report } from "../../../server/contracts/index.js";
import { ReportQuestionView } from "../components/ReportQuestionView.js";
import { ReportSummary } from "./ReportSummary.js";
import { END_REASONS, gradedBy } from "./words.js";

/** Reports this short open every question; longer ones start folded under the summary. */
const OPEN_ALL_UP_TO = 1;

/** A whole report: the summary, then each round's questions (collapsible). Shared by the owner's and the share-link page. */
export function ReportView({ report, actions, usage }: { report: Report; actions?: ReactNode; usage?: ReactNode }) {
  const questionCount = report.rounds.reduce((n, r) => n + r.questions.length, 0);
  const openAll = questionCount <= OPEN_ALL_UP_TO;
  return (
    <div className="report">
      <ReportSummary report={report} />
      {actions}
      {report.rounds.map((round) => (
        <section key={round.roundId} className="report-round" aria-label={round.title}>
          <h2>
            {round.title} <span className="muted small">({END_REASONS[round.endReason]})</span>
          </h2>
          {round.questions.length === 0 && <p className="muted">No questions were asked in this round.</p>}
          {round.questions.map((q) => (
            <ReportQuestionView
              key={q.questionId}
              question={q}
              kind={round.kind}
              judgeModel={report.judgeModel ?? null}
              defaultOpen={openAll}
            />
          ))}
        </section>
      ))}
      <footer className="report-footer muted small">
        <p data-testid="grader-info">{gradedBy(report)}</p>
        {usage}
      </footer>
    </div>
  );
}
