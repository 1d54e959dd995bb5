import type { SignalSummary } from "../../../server/contracts/index.js";

export const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
export const dateTime = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
export const score = (n: number | null) => (n === null ? "—" : n.toFixed(1));

export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m}m ${seconds % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

/** Facts in words, never a verdict. */
export function signalsText(s: SignalSummary): string {
  const parts: string[] = [];
  if (s.pastes) parts.push(`${s.pastes} paste${s.pastes === 1 ? "" : "s"} (largest ${s.largestPaste} chars)`);
  if (s.awayCount) parts.push(`away ${s.awayCount}× (${duration(Math.round(s.awayMs / 1000))})`);
  if (s.bursts) parts.push(`${s.bursts} fast typing burst${s.bursts === 1 ? "" : "s"}`);
  return parts.length ? parts.join(" · ") : "none recorded";
}

export { download } from "../download.js";
