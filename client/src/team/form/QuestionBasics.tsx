import { ensureRounds, setField } from "../pack-form.js";
import { Text } from "./fields.js";
import type { QuestionSectionProps } from "./section-props.js";

const KINDS = ["behavioural", "system-design", "prompt-debugging", "coding"];
const LEVELS = ["junior", "mid", "senior"];

/** The question itself: id, title, kind (a new kind gets a round), level, time guide and the prompt. */
export function QuestionBasics({ q, qi, source, set, onChange }: QuestionSectionProps) {
  return (
    <fieldset>
      <legend>Question</legend>
      <Text label="Id" testId="form-q-id" value={q.id} onChange={(v) => set(["id"], v)} />
      <Text label="Title" testId="form-q-title" value={q.title} onChange={(v) => set(["title"], v)} />
      <div className="button-row">
        <label className="field">
          <span>Kind</span>
          <select
            data-testid="form-q-kind"
            value={q.kind}
            onChange={(e) => onChange(ensureRounds(setField(source, ["questions", qi, "kind"], e.target.value)))}
          >
            {KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Level</span>
          <select data-testid="form-q-level" value={q.level} onChange={(e) => set(["level"], e.target.value)}>
            {LEVELS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Minutes</span>
          <input
            className="text-input"
            type="number"
            min={1}
            value={q.timeGuideMinutes}
            onChange={(e) => set(["timeGuideMinutes"], Number(e.target.value))}
          />
        </label>
      </div>
      <Text
        label="Prompt (markdown, shown to the candidate)"
        testId="form-q-prompt"
        value={q.prompt}
        onChange={(v) => set(["prompt"], v)}
        multiline
      />
    </fieldset>
  );
}
