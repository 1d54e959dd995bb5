import { useRef, useState } from "react";
import { downloadText } from "../download.js";
import { historyFile, importHistoryFile } from "../session-store.js";

/** Move history between browsers: a JSON file of session ids and their resume tokens. */
export function HistoryTransfer({ onImported }: { onImported: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const exportFile = () => {
    const file = historyFile(Date.now());
    downloadText(
      `interview-history-${new Date().toISOString().slice(0, 10)}.json`,
      `${JSON.stringify(file, null, 2)}\n`,
      "application/json",
    );
    setStatus(
      `Exported ${file.sessions.length} session${file.sessions.length === 1 ? "" : "s"}. The file holds the keys to your reports: keep it private.`,
    );
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const added = importHistoryFile(await file.text());
      setStatus(`Imported: ${added} new session${added === 1 ? "" : "s"}.`);
      onImported();
    } catch (err) {
      setStatus((err as Error).message);
    } finally {
      if (input.current) input.current.value = "";
    }
  };
  return (
    <div className="history-transfer">
      <button type="button" data-testid="export-history" onClick={exportFile}>
        Export history
      </button>
      <label className="button-like">
        Import history
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          data-testid="import-history"
          className="visually-hidden"
          onChange={(e) => void importFile(e.target.files?.[0])}
        />
      </label>
      {status && (
        <p className="muted small" role="status" data-testid="history-status">
          {status}
        </p>
      )}
    </div>
  );
}
