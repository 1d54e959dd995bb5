import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RoundKind } from "../../../server/contracts/index.js";
import { ROUND_KIND_NAMES } from "../report/words.js";
import type { ProgressPoint } from "./progress-data.js";

/** Distinct in hue and dash, so the lines are told apart without colour too. */
const STYLE: Record<RoundKind, { color: string; dash?: string }> = {
  coding: { color: "#2f5bd3" },
  "system-design": { color: "#1f7a45", dash: "6 3" },
  "prompt-debugging": { color: "#b35c00", dash: "2 3" },
  behavioural: { color: "#8e3fb5", dash: "8 3 2 3" },
};

/** Score per round kind over time, one line per kind. */
export function ScoreChart({ points, kinds }: { points: ProgressPoint[]; kinds: RoundKind[] }) {
  return (
    <figure className="chart" data-testid="score-chart">
      <figcaption>Score per round over time (0-100)</figcaption>
      <div
        className="chart-box"
        role="img"
        aria-label={`Line chart of ${points.length} sessions: ${kinds.map((k) => ROUND_KIND_NAMES[k]).join(", ")}`}
      >
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis dataKey="label" stroke="var(--muted)" />
            <YAxis domain={[0, 100]} stroke="var(--muted)" width={36} />
            <Tooltip
              // The session's full date and time: the axis label may be the day alone.
              labelFormatter={(label, payload) => (payload?.[0]?.payload as ProgressPoint | undefined)?.when ?? String(label)}
              contentStyle={{ background: "var(--panel)", borderColor: "var(--border)", color: "var(--text)" }}
              itemStyle={{ color: "var(--text)" }}
            />
            <Legend />
            {kinds.map((k) => (
              <Line
                key={k}
                type="monotone"
                dataKey={k}
                name={ROUND_KIND_NAMES[k]}
                stroke={STYLE[k].color}
                {...(STYLE[k].dash ? { strokeDasharray: STYLE[k].dash } : {})}
                strokeWidth={2}
                dot={{ r: 4 }}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
