import type { TeamSessionRow } from "../contracts/index.js";

/**
 * A cell as RFC 4180 wants it, and safe to open in a spreadsheet: text that a
 * spreadsheet would read as a formula (= + - @, tab, carriage return first) is
 * prefixed with an apostrophe. Numbers are written as numbers.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: (string | number | null | undefined)[]) => cells.map(csvCell).join(",");

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The dashboard rows as CSV: one line per session, one column per round title found. */
export function sessionsCsv(rows: TeamSessionRow[]): string {
  const rounds = [...new Map(rows.flatMap((r) => r.rounds.map((x) => [x.roundId, x.title] as const))).entries()];
  const header = [
    "session_id",
    "candidate",
    "email",
    "invite_id",
    "pack",
    "pack_version",
    "mode",
    "level",
    "status",
    "started_at",
    "completed_at",
    "minutes_used",
    "score",
    "graded_score",
    ...rounds.map(([id]) => `round:${id}`),
    "pastes",
    "pasted_chars",
    "largest_paste",
    "times_away",
    "seconds_away",
    "fast_typing_bursts",
    "overrides",
  ];
  const lines = rows.map((r) =>
    csvLine([
      r.sessionId,
      r.candidateLabel,
      r.candidateEmail,
      r.inviteId,
      r.packKey,
      r.packVersion,
      r.mode,
      r.level,
      r.status,
      iso(r.startedAt),
      iso(r.completedAt),
      Math.round(r.secondsUsed / 6) / 10,
      r.score,
      r.gradedScore,
      ...rounds.map(([id]) => r.rounds.find((x) => x.roundId === id)?.score ?? null),
      r.signals.pastes,
      r.signals.pastedChars,
      r.signals.largestPaste,
      r.signals.awayCount,
      Math.round(r.signals.awayMs / 1000),
      r.signals.bursts,
      r.overrides,
    ]),
  );
  return [csvLine(header), ...lines].join("\r\n") + "\r\n";
}
