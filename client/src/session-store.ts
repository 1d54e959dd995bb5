import { HISTORY_FILE_FORMAT, HistoryFileSchema, type HistoryFile, type SessionProof } from "../../server/contracts/index.js";

/**
 * The resume token is the only proof a browser owns a session, so it lives in
 * localStorage: a reload or a new tab can pick the interview up again, and the
 * lobby lists every session whose token this browser holds (its history).
 */
type StoredSession = { resumeToken: string };

const PREFIX = "mi.session.";
const key = (sessionId: string) => `${PREFIX}${sessionId}`;

export function saveSession(sessionId: string, resumeToken: string): void {
  const value: StoredSession = { resumeToken };
  localStorage.setItem(key(sessionId), JSON.stringify(value));
}

export function loadResumeToken(sessionId: string): string | null {
  try {
    const raw = localStorage.getItem(key(sessionId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === "object" && "resumeToken" in parsed && typeof parsed.resumeToken === "string") {
      return parsed.resumeToken;
    }
    return null;
  } catch {
    // Corrupt entry or storage disabled: treat as "no token".
    return null;
  }
}

/** Every session this browser holds a token for. */
export function storedSessions(): SessionProof[] {
  const proofs: SessionProof[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (!k?.startsWith(PREFIX)) continue;
      const sessionId = k.slice(PREFIX.length);
      const resumeToken = loadResumeToken(sessionId);
      if (resumeToken) proofs.push({ sessionId, resumeToken });
    }
  } catch {
    // Storage disabled: no history.
  }
  return proofs;
}

/** The JSON file a candidate downloads to carry their history to another browser. */
export function historyFile(now: number): HistoryFile {
  return { format: HISTORY_FILE_FORMAT, version: 1, exportedAt: now, sessions: storedSessions() };
}

/** Add the sessions of an exported file to this browser; returns how many were new. Throws a readable error on a bad file. */
export function importHistoryFile(text: string): number {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error("The file is not JSON. Choose the history file downloaded with “Export history”.");
  }
  const parsed = HistoryFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`Not a valid history file: ${parsed.error.issues[0]?.message ?? "unknown problem"}.`);
  let added = 0;
  for (const { sessionId, resumeToken } of parsed.data.sessions) {
    if (loadResumeToken(sessionId) === null) added++;
    saveSession(sessionId, resumeToken);
  }
  return added;
}
