import type { ReactNode } from "react";
import type { Report } from "../../../server/contracts/index.js";
import { downloadText } from "../download.js";
import { reportFileName, reportToMarkdown } from "./to-markdown.js";

/** Download as Markdown or JSON, print (the print stylesheet makes a clean PDF), and any extra controls (sharing). */
export function ReportActions({ report, children }: { report: Report; children?: ReactNode }) {
  return (
    <div className="report-actions no-print" role="toolbar" aria-label="Report actions">
      <button
        type="button"
        data-testid="download-markdown"
        onClick={() => downloadText(reportFileName(report, "md"), reportToMarkdown(report), "text/markdown")}
      >
        Download Markdown
      </button>
      <button
        type="button"
        data-testid="download-json"
        onClick={() => downloadText(reportFileName(report, "json"), `${JSON.stringify(report, null, 2)}\n`, "application/json")}
      >
        Download JSON
      </button>
      <button type="button" data-testid="print-report" onClick={() => window.print()}>
        Print or save as PDF
      </button>
      {children}
    </div>
  );
}
