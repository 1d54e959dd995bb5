import { useState } from "react";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { message } from "./format.js";
import type { ReviewApi } from "./review-api.js";
import { confirmLeavingEditor } from "./unpublished.js";

/**
 * Any role replaces the secret of the token it signed in with (a leaked token need not wait for an owner).
 * The old secret stops at once; this browser carries on with the new one, shown once.
 */
export function RotateOwnToken({ api, onRotated }: { api: ReviewApi; onRotated: (token: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const rotate = async () => {
    // The workspace starts again with the new secret: unpublished edits in the editor would be lost.
    if (!confirmLeavingEditor()) return;
    if (!window.confirm("Replace this token's secret? The current one stops working at once, wherever it is used.")) return;
    try {
      onRotated((await api.rotateOwnToken()).token);
    } catch (err) {
      setError(message(err));
    }
  };
  return (
    <>
      <button type="button" onClick={() => void rotate()} data-testid="rotate-own-token">
        New secret
      </button>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
    </>
  );
}
