import type { RoundBar } from "./summary.js";

/** One horizontal bar per round, 0-100; the number is printed too, so colour is never the only cue. */
export function RoundBars({ rounds }: { rounds: RoundBar[] }) {
  if (rounds.length === 0) return null;
  return (
    <ul className="round-bars" aria-label="Score per round" data-testid="round-bars">
      {rounds.map((r) => (
        <li key={r.roundId} className="round-bar">
          <span className="round-bar-title">{r.title}</span>
          <span className="round-bar-track" aria-hidden="true">
            <span
              className={`round-bar-fill ${r.score >= 70 ? "good" : r.score >= 40 ? "fair" : "weak"}`}
              style={{ width: `${Math.max(2, r.score)}%` }}
            />
          </span>
          <span className="round-bar-score">{r.score}/100</span>
        </li>
      ))}
    </ul>
  );
}
