import { useMemo } from "react";
import type { Report } from "../../../server/contracts/index.js";
import { CriteriaHighlights } from "./CriteriaHighlights.js";
import { RoundBars } from "./RoundBars.js";
import { summariseReport } from "./summary.js";
import { formatDate, MISSING_POINTS_HIDDEN, modeName } from "./words.js";

/** The top of the report: what a candidate wants first. */
export function ReportSummary({ report }: { report: Report }) {
  const summary = useMemo(() => summariseReport(report), [report]);
  return (
    <section className="panel report-summary" data-testid="report-summary" aria-label="Summary">
      <div className="report-summary-head">
        <div>
          <h1>{report.packTitle}</h1>
          <p className="muted">
            {modeName(report.mode)}
            {report.level ? ` · ${report.level} level` : ""} · {formatDate(report.completedAt)}
          </p>
        </div>
        <div className="overall" aria-label={`Overall score ${Math.round(report.overall)} out of 100`}>
          <span className="overall-number" data-testid="report-overall">
            {Math.round(report.overall)}
          </span>
          <span className="muted">/ 100</span>
        </div>
      </div>
      {report.missingPoints === "hide" && (
        <p className="muted small" data-testid="missing-points-hidden">
          {MISSING_POINTS_HIDDEN}
        </p>
      )}
      <RoundBars rounds={summary.rounds} />
      <CriteriaHighlights strongest={summary.strongest} weakest={summary.weakest} belowFull={summary.belowFull} />
    </section>
  );
}
