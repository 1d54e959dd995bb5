import { useState } from "react";
import type { TermSuggestions } from "../../../server/contracts/index.js";
import {
  addItem,
  conceptsToText,
  ensureRounds,
  NEW_CRITERION,
  NEW_QUESTION,
  readForm,
  removeItem,
  setField,
  textToConcepts,
  type FormCriterion,
  type FormQuestion,
} from "./pack-form.js";
import { message } from "./format.js";
import type { ReviewApi } from "./review-api.js";

type Props = { source: string; onChange: (source: string) => void; api: ReviewApi };
const KINDS = ["behavioural", "system-design", "prompt-debugging", "coding"];
const LEVELS = ["junior", "mid", "senior"];

/**
 * A form beside the YAML for the parts authors write most: pack details,
 * questions, rubric criteria (anchors, evidence terms) and exemplars. Every
 * edit rewrites the YAML in place, so both views always hold the same pack.
 */
export function PackForm({ source, onChange, api }: Props) {
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
      <fieldset>
        <legend>Pack</legend>
        <Text label="Id" testId="form-pack-id" value={form.id} onChange={(v) => set(["id"], v)} />
        <Text label="Title" testId="form-pack-title" value={form.title} onChange={(v) => set(["title"], v)} />
        <Text label="Description" testId="form-pack-description" value={form.description} onChange={(v) => set(["description"], v)} />
      </fieldset>
      <div className="button-row">
        <select data-testid="form-question-select" value={qi} onChange={(e) => setIndex(Number(e.target.value))} aria-label="Question">
          {form.questions.map((x, i) => (
            <option key={i} value={i}>
              {x.title || x.id}
            </option>
          ))}
        </select>
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
        {form.questions.length > 1 && (
          <button type="button" onClick={() => (onChange(removeItem(source, ["questions", qi])), setIndex(0))}>
            Remove question
          </button>
        )}
      </div>
      {q && (
        <QuestionFields key={qi} q={q} set={(rest, v) => set(qPath(...rest), v)} source={source} onChange={onChange} qi={qi} api={api} />
      )}
    </div>
  );
}

function QuestionFields({
  q,
  set,
  source,
  onChange,
  qi,
  api,
}: {
  q: FormQuestion;
  set: (path: (string | number)[], v: unknown) => void;
  source: string;
  onChange: (s: string) => void;
  qi: number;
  api: ReviewApi;
}) {
  const [suggestions, setSuggestions] = useState<TermSuggestions | null>(null);
  const [suggestError, setSuggestError] = useState<string | null>(null);
  const suggest = async () => {
    setSuggestError(null);
    try {
      setSuggestions(
        await api.suggestTerms({
          criteria: q.rubric.map((c) => ({ id: c.id, terms: c.concepts.flatMap((x) => x.terms) })),
          exemplars: q.exemplars
            .filter((e) => ["strong", "adequate", "weak"].includes(e.level))
            .map((e) => ({ level: e.level as "strong", answer: e.answer, scores: e.scores })),
        }),
      );
    } catch (err) {
      setSuggestError(message(err));
    }
  };
  const addTerm = (ci: number, c: FormCriterion, term: string) => {
    const concepts = c.concepts.length
      ? c.concepts.map((x, i) => (i === c.concepts.length - 1 ? { ...x, terms: [...x.terms, term] } : x))
      : [{ label: "suggested", terms: [term] }];
    set(["rubric", ci, "evidence", "concepts"], concepts);
  };
  return (
    <>
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

      <fieldset>
        <legend>Rubric</legend>
        {q.rubric.map((c, ci) => (
          <div key={ci} className="criterion-form" data-testid="form-criterion">
            <div className="button-row">
              <Text label="Criterion id" testId="form-c-id" value={c.id} onChange={(v) => set(["rubric", ci, "id"], v)} />
              <Text label="Title" testId="form-c-title" value={c.title} onChange={(v) => set(["rubric", ci, "title"], v)} />
              <label className="field">
                <span>Weight</span>
                <input
                  className="text-input"
                  type="number"
                  min={0.1}
                  step={0.5}
                  value={c.weight}
                  onChange={(e) => set(["rubric", ci, "weight"], Number(e.target.value))}
                />
              </label>
            </div>
            <Text
              label="Description"
              testId="form-c-description"
              value={c.description}
              onChange={(v) => set(["rubric", ci, "description"], v)}
            />
            {c.anchors.map((a, level) => (
              <Text
                key={level}
                label={`Anchor ${level}`}
                testId={`form-c-anchor-${level}`}
                value={a}
                onChange={(v) => set(["rubric", ci, "anchors", String(level)], v)}
              />
            ))}
            <ConceptsField
              key={conceptsToText(c.concepts)}
              value={conceptsToText(c.concepts)}
              onCommit={(text) => set(["rubric", ci, "evidence", "concepts"], textToConcepts(text))}
            />
            {suggestions?.criteria.find((s) => s.criterionId === c.id) && (
              <div className="small" data-testid="term-suggestions">
                {suggestions.criteria.find((s) => s.criterionId === c.id)!.note ?? "Suggested (in strong, not in weak exemplars):"}{" "}
                {suggestions.criteria
                  .find((s) => s.criterionId === c.id)!
                  .terms.filter((t) => !c.concepts.some((x) => x.terms.includes(t.term)))
                  .map((t) => (
                    <button
                      key={t.term}
                      type="button"
                      className="term-chip"
                      data-testid="term-chip"
                      title={`in ${t.strong} strong exemplar(s)`}
                      onClick={() => addTerm(ci, c, t.term)}
                    >
                      + {t.term}
                    </button>
                  ))}
              </div>
            )}
            {q.rubric.length > 1 && (
              <button type="button" onClick={() => onChange(removeItem(source, ["questions", qi, "rubric", ci]))}>
                Remove criterion
              </button>
            )}
          </div>
        ))}
        <div className="button-row">
          <button
            type="button"
            data-testid="form-add-criterion"
            onClick={() => onChange(addItem(source, ["questions", qi, "rubric"], NEW_CRITERION(q.rubric.length + 1)))}
          >
            Add criterion
          </button>
          <button type="button" data-testid="suggest-terms" onClick={() => void suggest()}>
            Suggest evidence terms
          </button>
        </div>
        {suggestError && <p className="error-text small">{suggestError}</p>}
      </fieldset>

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
    </>
  );
}

function Text({
  label,
  value,
  onChange,
  testId,
  multiline,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
  multiline?: boolean;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      {multiline ? (
        <textarea className="text-input" data-testid={testId} rows={4} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input className="text-input" data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </label>
  );
}

/** Evidence concepts as "label: term, term" lines; committed on blur so a half-typed line is not rewritten. */
function ConceptsField({ value, onCommit }: { value: string; onCommit: (text: string) => void }) {
  const [text, setText] = useState(value);
  return (
    <label className="field">
      <span>Evidence terms (one concept a line: label: term, term)</span>
      <textarea
        className="text-input"
        data-testid="form-c-concepts"
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => text !== value && onCommit(text)}
      />
    </label>
  );
}
