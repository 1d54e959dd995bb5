import { useEffect, useState } from "react";
import type { Level, RoundKind } from "../../../server/contracts/index.js";
import { message } from "./format.js";
import type { ReviewApi } from "./review-api.js";
import type { PackIssue } from "./types.js";

/**
 * With a model configured: draft a question (rubric and exemplars included) from a
 * role description. It lands in the editor as YAML to edit; nothing is published.
 */
export function DraftQuestion({ api, source, onDrafted }: { api: ReviewApi; source: string; onDrafted: (yaml: string) => void }) {
  const [available, setAvailable] = useState(false);
  const [role, setRole] = useState("");
  const [kind, setKind] = useState<RoundKind>("behavioural");
  const [level, setLevel] = useState<Level>("mid");
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string; issues: PackIssue[] } | null>(null);
  useEffect(() => {
    api.capabilities().then(
      (c) => setAvailable(c.draftQuestion),
      () => setAvailable(false),
    );
  }, [api]);
  if (!available) return null;
  const draft = async () => {
    setBusy(true);
    setNote(null);
    try {
      const result = await api.draftQuestion({ role, kind, level, source });
      onDrafted(result.yaml);
      setNote(
        result.valid
          ? { ok: true, text: "Drafted into the editor. Read it and edit before publishing.", issues: [] }
          : { ok: false, text: "Drafted into the editor, with problems to fix:", issues: result.issues },
      );
    } catch (err) {
      setNote({ ok: false, text: message(err), issues: [] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="panel" data-testid="draft-panel">
      <h2>Draft a question</h2>
      <textarea
        className="text-input"
        data-testid="draft-role"
        rows={3}
        value={role}
        onChange={(e) => setRole(e.target.value)}
        placeholder="Describe the role: what they build, with what, for whom"
      />
      <div className="button-row">
        <select value={kind} onChange={(e) => setKind(e.target.value as RoundKind)} aria-label="Kind">
          {["behavioural", "system-design", "prompt-debugging", "coding"].map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
        <select value={level} onChange={(e) => setLevel(e.target.value as Level)} aria-label="Level">
          {["junior", "mid", "senior"].map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
        <button
          type="button"
          className="primary"
          data-testid="draft-button"
          disabled={busy || role.trim().length < 20}
          onClick={() => void draft()}
        >
          {busy ? "Drafting…" : "Draft"}
        </button>
      </div>
      {note && (
        <div className={note.ok ? "small" : "small error-text"} data-testid="draft-status">
          {note.text}
          {note.issues.length > 0 && (
            <ul>
              {note.issues.map((i, n) => (
                <li key={n}>
                  {i.path}: {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
