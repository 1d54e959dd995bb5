import { useEffect, useState } from "react";
import type { Report } from "../../../server/contracts/index.js";
import { fetchSharedReport } from "../api.js";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { ReportActions } from "../report/ReportActions.js";
import { ReportView } from "../report/ReportView.js";
import { errorMessage } from "../socket.js";

/** A report opened through a share link: read-only, no resume token, nothing to change. */
export function SharedReportPage({ token }: { token: string }) {
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetchSharedReport(token)
      .then((r) => !cancelled && setReport(r))
      .catch((err: unknown) => !cancelled && setError(`This shared report cannot be opened: ${errorMessage(err)}`));
    return () => {
      cancelled = true;
    };
  }, [token]);
  if (!report) {
    return (
      <section className="panel">
        <h1>Shared interview report</h1>
        {error ? <ErrorBanner message={error} /> : <p className="muted">Loading the report…</p>}
      </section>
    );
  }
  return (
    <>
      <p className="notice shared-notice" data-testid="shared-notice">
        A read-only interview report, shared with you through a link.
      </p>
      <ReportView report={report} actions={<ReportActions report={report} />} />
    </>
  );
}
