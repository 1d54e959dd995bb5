import { useState } from "react";
import { message } from "./format.js";

/** Change one criterion's score; a note saying why is required (it goes into the audit trail). */
export function OverrideForm({ current, onSave }: { current: number; onSave: (score: number, note: string) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(current);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (!open) {
    return (
      <button type="button" data-testid="override-open" onClick={() => (setOpen(true), setValue(current))}>
        Override
      </button>
    );
  }
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await onSave(value, note);
      setOpen(false);
      setNote("");
    } catch (err) {
      setError(message(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="override-form" onSubmit={(e) => (e.preventDefault(), void save())}>
      <select data-testid="override-score" value={value} onChange={(e) => setValue(Number(e.target.value))} aria-label="New score">
        {[0, 1, 2, 3, 4].map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <textarea
        data-testid="override-note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder="Why (required)"
        rows={2}
        required
        minLength={3}
      />
      <div className="button-row">
        <button
          type="submit"
          className="primary"
          data-testid="override-save"
          disabled={saving || note.trim().length < 3 || value === current}
        >
          Save
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {error && <p className="error-text small">{error}</p>}
    </form>
  );
}
