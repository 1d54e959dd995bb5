import { useState } from "react";
import { ExemplarFields, QuestionBasics, RubricFields, Text } from "./form/index.js";
import { addItem, ensureRounds, NEW_QUESTION, readForm, removeItem, setField } from "./pack-form.js";
import type { ReviewApi } from "./review-api.js";

type Props = {
  source: string;
  onChange: (source: string) => void;
  api: ReviewApi;
  /** A role that may not publish reads the pack: every field shows, none takes input; moving between questions still works. */
  readOnly?: boolean;
};

/**
 * A form beside the YAML for the parts authors write most: pack details,
 * questions, rubric criteria (anchors, evidence terms) and exemplars. Every
 * edit rewrites the YAML in place, so both views always hold the same pack.
 */
export function PackForm({ source, onChange, api, readOnly = false }: Props) {
  const form = readForm(source);
  const [index, setIndex] = useState(0);
  if (!form)
    return (
      <p className="notice warn" data-testid="form-unreadable">
        The YAML cannot be read as a pack right now; fix it in the YAML view first.
      </p>
    );
  const q = form.questions[Math.min(index, form.questions.length - 1)];
  const qi = Math.min(index, form.questions.length - 1);
  const set = (path: (string | number)[], value: unknown) => onChange(setField(source, path, value));
  const qPath = (...rest: (string | number)[]) => ["questions", qi, ...rest];

  return (
    <div className="form-view" data-testid="pack-form">
      <fieldset disabled={readOnly}>
        <legend>Pack</legend>
        <Text label="Id" testId="form-pack-id" value={form.id} onChange={(v) => set(["id"], v)} />
        <Text label="Title" testId="form-pack-title" value={form.title} onChange={(v) => set(["title"], v)} />
        <Text label="Description" testId="form-pack-description" value={form.description} onChange={(v) => set(["description"], v)} />
        <label className="checkbox-field">
          <input
            type="checkbox"
            data-testid="form-pack-show-exemplars"
            checked={form.showExemplars}
            onChange={(e) => set(["report", "showExemplars"], e.target.checked)}
          />
          <span>
            Show each question&apos;s strong exemplar beside the answer in finished reports. For practice packs: leave it off for hiring, or
            a retake measures what the candidate read.
          </span>
        </label>
        <label className="checkbox-field">
          <input
            type="checkbox"
            data-testid="form-pack-hide-missing-points"
            checked={form.hideMissingPoints}
            onChange={(e) => set(["report", "missingPoints"], e.target.checked ? "hide" : "show")}
          />
          <span>
            Keep the answer key private: a candidate&apos;s report names the key points their answer stated, never the ones it missed (nor
            level descriptions, hints or exemplars). Your team&apos;s review still shows everything. For packs candidates may retake.
          </span>
        </label>
      </fieldset>
      <div className="button-row">
        <select data-testid="form-question-select" value={qi} onChange={(e) => setIndex(Number(e.target.value))} aria-label="Question">
          {form.questions.map((x, i) => (
            <option key={i} value={i}>
              {x.title || x.id}
            </option>
          ))}
        </select>
        {!readOnly && (
          <button
            type="button"
            data-testid="form-add-question"
            onClick={() => (
              onChange(ensureRounds(addItem(source, ["questions"], NEW_QUESTION(form.questions.length + 1)))),
              setIndex(form.questions.length)
            )}
          >
            Add question
          </button>
        )}
        {!readOnly && form.questions.length > 1 && (
          <button type="button" onClick={() => (onChange(removeItem(source, ["questions", qi])), setIndex(0))}>
            Remove question
          </button>
        )}
      </div>
      {q && (
        // key: each question's sections start fresh (suggested terms, half-typed concepts)
        // A disabled fieldset disables every control inside it, so a read-only view cannot be typed into.
        <fieldset key={qi} className="form-view plain-fieldset" disabled={readOnly} data-testid="form-question-fields">
          <QuestionBasics q={q} qi={qi} source={source} set={(rest, v) => set(qPath(...rest), v)} onChange={onChange} />
          <RubricFields q={q} qi={qi} source={source} set={(rest, v) => set(qPath(...rest), v)} onChange={onChange} api={api} />
          <ExemplarFields q={q} qi={qi} source={source} set={(rest, v) => set(qPath(...rest), v)} onChange={onChange} />
        </fieldset>
      )}
    </div>
  );
}
