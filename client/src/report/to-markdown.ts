import type { Report } from "../../../server/contracts/index.js";
import { summariseReport } from "./summary.js";
import { END_REASONS, formatDate, MISSING_POINTS_HIDDEN, modeName, turnLabel } from "./words.js";

/** A fence longer than any backtick run inside, so an answer can never close it early. */
function fence(body: string, lang = ""): string {
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}${lang}\n${body.replace(/\n$/, "")}\n${ticks}`;
}

/** Markdown table cells: pipes and newlines would break the row. */
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

/** The report as a Markdown document: summary first, then every question with its answers and scores. */
export function reportToMarkdown(report: Report): string {
  const summary = summariseReport(report);
  const out: string[] = [];
  out.push(`# ${report.packTitle}: interview report`, "");
  out.push(`${modeName(report.mode)}${report.level ? ` · ${report.level} level` : ""} · ${formatDate(report.completedAt)}`, "");
  out.push(`**Overall: ${Math.round(report.overall)} / 100**`, "");
  if (report.missingPoints === "hide") out.push(`*${MISSING_POINTS_HIDDEN}*`, "");
  if (summary.rounds.length > 0) {
    out.push("| Round | Score |", "|---|---|");
    for (const r of summary.rounds) out.push(`| ${cell(r.title)} | ${r.score} / 100 |`);
    out.push("");
  }
  if (summary.strongest.length > 0) {
    out.push("## Strongest", "");
    for (const c of summary.strongest) out.push(`- **${c.title}** (${c.questionTitle}), ${c.score}/4: ${c.line}`);
    out.push("");
  }
  if (summary.weakest.length > 0) {
    out.push("## To work on", "");
    for (const c of summary.weakest) out.push(`- **${c.title}** (${c.questionTitle}), ${c.score}/4: ${c.line}`);
    out.push("");
  }
  for (const round of report.rounds) {
    out.push(`## ${round.title} (${END_REASONS[round.endReason]})`, "");
    for (const q of round.questions) {
      out.push(`### ${q.title}: ${Math.round(q.score)} / 100`, "");
      for (const t of q.turns) {
        out.push(`#### ${turnLabel(t.kind)}`, "", t.prompt.trim(), "");
        const a = t.answer;
        if (!a || (!a.text?.trim() && !a.code?.trim())) out.push("*No answer*", "");
        else {
          out.push("**Your answer:**", "");
          if (a.code?.trim()) out.push(fence(a.code, a.language ?? ""), "");
          if (a.text?.trim()) out.push(a.text.trim(), "");
        }
      }
      if (q.exemplar?.trim())
        out.push("**A strong answer, for comparison:**", "", round.kind === "coding" ? fence(q.exemplar) : q.exemplar.trim(), "");
      if (q.tests)
        out.push(`Tests: passed ${q.tests.passed} of ${q.tests.total} (hidden: ${q.tests.hiddenPassed} of ${q.tests.hiddenTotal}).`, "");
      if (q.criteria.length > 0) {
        out.push("| Criterion | Score | Feedback |", "|---|---|---|");
        for (const c of q.criteria)
          out.push(
            `| ${cell(c.title)} | ${c.score}/4 | ${cell(c.feedback)}${c.strongAnswerAdds ? ` A strong answer adds: ${cell(c.strongAnswerAdds)}` : ""} |`,
          );
        out.push("");
      }
    }
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

/** "ai-engineer-2026-12-05" style file names. */
export function reportFileName(report: Report, ext: "md" | "json"): string {
  const day = new Date(report.completedAt).toISOString().slice(0, 10);
  return `${report.packId.replace(/[^A-Za-z0-9-]+/g, "-")}-report-${day}.${ext}`;
}
