/**
 * The resume token is the only proof a browser owns a session, so it lives in
 * localStorage: a reload or a new tab can pick the interview up again.
 */
type StoredSession = { resumeToken: string };

const key = (sessionId: string) => `mi.session.${sessionId}`;

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
