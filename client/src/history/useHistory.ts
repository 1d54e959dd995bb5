import { useCallback, useEffect, useState } from "react";
import type { HistorySession } from "../../../server/contracts/index.js";
import { fetchHistory } from "../api.js";
import { storedSessions } from "../session-store.js";
import { errorMessage } from "../socket.js";

/** The sessions this browser's tokens prove, fetched from the server; `reload` after an import. */
export function useHistory() {
  const [sessions, setSessions] = useState<HistorySession[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let cancelled = false;
    const proofs = storedSessions();
    if (proofs.length === 0) {
      setSessions([]);
      return;
    }
    fetchHistory(proofs)
      .then((r) => !cancelled && (setSessions(r.sessions), setError(null)))
      .catch((err: unknown) => !cancelled && setError(`Could not load your past sessions: ${errorMessage(err)}`));
    return () => {
      cancelled = true;
    };
  }, [version]);
  return { sessions, error, reload };
}
