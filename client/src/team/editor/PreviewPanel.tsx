import type { PublicQuestion } from "../../../../server/contracts/index.js";
import { QuestionPreview } from "../QuestionPreview.js";

/** The questions as a candidate will see them (no rubric, no exemplars), from the last valid text. */
export function PreviewPanel({
  preview,
  selected,
  previewStale,
  pending,
  onSelect,
}: {
  preview: PublicQuestion[];
  selected: PublicQuestion | null | undefined;
  /** The text has problems: this is the last valid version. */
  previewStale: boolean;
  pending: boolean;
  onSelect: (questionId: string) => void;
}) {
  return (
    <div className="panel preview-panel">
      <div className="editor-panel-head">
        <h2>Candidate preview</h2>
        {preview.length > 0 && (
          <select
            data-testid="preview-select"
            value={selected?.id ?? ""}
            onChange={(e) => onSelect(e.target.value)}
            aria-label="Question to preview"
          >
            {preview.map((q) => (
              <option key={q.id} value={q.id}>
                {q.title} ({q.kind}, {q.level})
              </option>
            ))}
          </select>
        )}
      </div>
      {previewStale && <p className="muted small">Showing the last valid text; fix the problems to update the preview.</p>}
      {selected ? (
        <QuestionPreview key={selected.id} question={selected} />
      ) : (
        <p className="muted">{pending ? "Checking the pack…" : "The preview appears once the pack is valid."}</p>
      )}
    </div>
  );
}
