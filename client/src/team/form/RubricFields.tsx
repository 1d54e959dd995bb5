import { useState } from "react";
import { routes, type TermSuggestions } from "../../../../server/contracts/index.js";
import { message } from "../format.js";
import { addItem, conceptsToText, NEW_CRITERION, removeItem, textToConcepts, type FormCriterion } from "../pack-form.js";
import type { ReviewApi } from "../review-api.js";
import { useCan } from "../role.js";
import { ConceptsField, Text } from "./fields.js";
import type { QuestionSectionProps } from "./section-props.js";

/**
 * The rubric: each criterion's id, title, weight, description, anchors and
 * evidence terms, with suggested terms (found in strong, not in weak exemplars)
 * one click away.
 */
export function RubricFields({ q, qi, source, set, onChange, api }: QuestionSectionProps & { api: ReviewApi }) {
  const [suggestions, setSuggestions] = useState<TermSuggestions | null>(null);
  const [suggestError, setSuggestError] = useState<string | null>(null);
  // An authoring help: offered to the roles that write packs (a reviewer reading the form does not get it).
  const suggests = useCan()(routes.suggestTerms);
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
            onCommit={(text) => set(["rubric", ci, "evidence", "concepts"], textToConcepts(text, c.concepts))}
          />
          <label className="field">
            <span>Concepts a full answer needs (blank: all; for alternatives such as "name two of")</span>
            <input
              className="text-input"
              type="number"
              data-testid="form-c-enough"
              min={1}
              max={c.concepts.length}
              step={1}
              value={c.enough ?? ""}
              onChange={(e) =>
                e.target.value === ""
                  ? onChange(removeItem(source, ["questions", qi, "rubric", ci, "evidence", "enough"]))
                  : set(["rubric", ci, "evidence", "enough"], Number(e.target.value))
              }
            />
          </label>
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
        {suggests && (
          <button type="button" data-testid="suggest-terms" onClick={() => void suggest()}>
            Suggest evidence terms
          </button>
        )}
      </div>
      {suggestError && <p className="error-text small">{suggestError}</p>}
    </fieldset>
  );
}
