import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ROUND_KIND_NAMES } from "../report/words.js";
import type { WeakCriterion } from "./progress-data.js";

/** The weakest criteria across sessions: mean score out of 4, lowest first. */
export function WeakestChart({ criteria }: { criteria: WeakCriterion[] }) {
  const data = criteria.map((c) => ({ name: `${c.title} (${ROUND_KIND_NAMES[c.kind]})`, score: c.score }));
  return (
    <figure className="chart" data-testid="weakest-chart">
      <figcaption>Weakest criteria across your sessions (mean score out of 4)</figcaption>
      <div className="chart-box" role="img" aria-label={`Bar chart: ${data.map((d) => `${d.name} ${d.score} of 4`).join("; ")}`}>
        <ResponsiveContainer width="100%" height={Math.max(160, 64 * data.length)}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis type="number" domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} stroke="var(--muted)" />
            <YAxis type="category" dataKey="name" width={150} stroke="var(--muted)" tick={{ fontSize: 12 }} />
            <Tooltip
              contentStyle={{ background: "var(--panel)", borderColor: "var(--border)", color: "var(--text)" }}
              itemStyle={{ color: "var(--text)" }}
            />
            <Bar dataKey="score" fill="#b35c00" minPointSize={3} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      {/* The same numbers as text, for screen readers and print. */}
      <ul className="chart-table small">
        {criteria.map((c) => (
          <li key={`${c.kind}:${c.criterionId}`} data-testid="weak-criterion">
            {c.title} ({ROUND_KIND_NAMES[c.kind]}): {c.score}/4 over {c.sessions} session{c.sessions === 1 ? "" : "s"}
          </li>
        ))}
      </ul>
    </figure>
  );
}
