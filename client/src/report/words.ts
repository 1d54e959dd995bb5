import type { Report, RoundKind } from "../../../server/contracts/index.js";

/** Plain words for what the wire calls things: no ids, no jargon. */

export const ROUND_KIND_NAMES: Record<RoundKind, string> = {
  coding: "Coding",
  "system-design": "System design",
  "prompt-debugging": "Prompt debugging",
  behavioural: "Behavioural",
};

export const turnLabel = (kind: "main" | "follow-up") => (kind === "follow-up" ? "Follow-up" : "Question");

export const modeName = (mode: Report["mode"]) => (mode === "practice" ? "Practice" : "Timed interview");

export const END_REASONS: Record<Report["rounds"][number]["endReason"], string> = {
  completed: "completed",
  timeout: "ran out of time",
  ended: "ended early",
};

/** "Scored by the rubric evidence checks (grader version coverage-1), no AI judge." */
export function gradedBy(report: Pick<Report, "graderVersion" | "judgeModel" | "judgePromptVersion">): string {
  const judge = report.judgeModel
    ? `and the AI judge ${report.judgeModel}${report.judgePromptVersion ? ` (prompt ${report.judgePromptVersion})` : ""}`
    : report.judgePromptVersion
      ? `and an AI judge (prompt ${report.judgePromptVersion})`
      : "with no AI judge";
  return `Scored by the rubric evidence checks (grader version ${report.graderVersion}) ${judge}.`;
}

/** Said once at the top of a report whose pack keeps its answer key (the report's `missingPoints: "hide"`). */
export const MISSING_POINTS_HIDDEN =
  "This pack keeps its answer key private: the feedback names the key points your answer stated, not the ones it missed.";

/** The first sentence of a feedback text: one line for the summary. */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  const m = /^(.+?[.!?])(\s|$)/s.exec(trimmed);
  return (m?.[1] ?? trimmed).replace(/\s+/g, " ");
}

export const formatDate = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
