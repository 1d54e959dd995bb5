import type { Mode } from "../../../server/contracts/index.js";

/** The timed/practice choice, as the lobby and a team's invite form both offer it. */
export function ModeSelect({ value, onChange, testId }: { value: Mode; onChange: (mode: Mode) => void; testId: string }) {
  return (
    <label className="field">
      <span>Mode</span>
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as Mode)}>
        <option value="timed">timed</option>
        <option value="practice">practice</option>
      </select>
    </label>
  );
}
