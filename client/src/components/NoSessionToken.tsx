import { Link } from "wouter";

/** Shown when this browser never started (or lost) the session: the token is the only key to it. */
export function NoSessionToken({ sessionId }: { sessionId: string }) {
  return (
    <section className="panel">
      <h1>Session not available in this browser</h1>
      <p data-testid="error">
        There is no resume token for session <code>{sessionId}</code> here. Open it in the browser that started it, or import your history
        file there (“Export history” in its lobby) and then here (“Import history”).
      </p>
      <p>
        <Link href="/">Start a new interview in the lobby</Link>
      </p>
    </section>
  );
}
