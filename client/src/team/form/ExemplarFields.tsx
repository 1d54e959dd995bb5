import { addItem, removeItem } from "../pack-form.js";
import { Text } from "./fields.js";
import type { QuestionSectionProps } from "./section-props.js";

/** The question's labelled answers (secret: they calibrate the grader), each scored on every criterion. */
export function ExemplarFields({ q, qi, source, set, onChange }: QuestionSectionProps) {
  return (
    <fieldset>
      <legend>Exemplars (secret: used to calibrate the grader)</legend>
      {q.exemplars.map((e, ei) => (
        <div key={ei} className="exemplar-form" data-testid="form-exemplar">
          <label className="field">
            <span>Level</span>
            <select value={e.level} onChange={(ev) => set(["exemplars", ei, "level"], ev.target.value)} data-testid="form-e-level">
              {["strong", "adequate", "weak"].map((l) => (
                <option key={l}>{l}</option>
              ))}
            </select>
          </label>
          <Text label="Answer" testId="form-e-answer" value={e.answer} onChange={(v) => set(["exemplars", ei, "answer"], v)} multiline />
          <div className="button-row">
            {q.rubric.map((c) => (
              <label key={c.id} className="field">
                <span>{c.id}</span>
                <select
                  data-testid={`form-e-score-${c.id}`}
                  value={e.scores[c.id] ?? ""}
                  onChange={(ev) => set(["exemplars", ei, "scores", c.id], Number(ev.target.value))}
                >
                  <option value="" disabled>
                    –
                  </option>
                  {[0, 1, 2, 3, 4].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <button type="button" onClick={() => onChange(removeItem(source, ["questions", qi, "exemplars", ei]))}>
            Remove exemplar
          </button>
        </div>
      ))}
      <button
        type="button"
        data-testid="form-add-exemplar"
        onClick={() =>
          onChange(
            addItem(source, ["questions", qi, "exemplars"], {
              level: "adequate",
              answer: "An answer.",
              scores: Object.fromEntries(q.rubric.map((c) => [c.id, 2])),
            }),
          )
        }
      >
        Add exemplar
      </button>
    </fieldset>
  );
}
