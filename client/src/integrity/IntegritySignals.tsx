import { SIGNALS_DISCLOSURE } from "../../../server/contracts/index.js";
import { useIntegritySignals } from "./useIntegritySignals.js";

/** The room's recorder plus a standing reminder of what it records (the invite page said it first). */
export function IntegritySignals({
  sessionId,
  resumeToken,
  questionId,
}: {
  sessionId: string;
  resumeToken: string | null;
  questionId: string | null;
}) {
  const { recording } = useIntegritySignals(sessionId, resumeToken, questionId);
  if (!recording) return null;
  return (
    <p className="muted small" data-testid="signals-recording">
      Recorded for the hiring team: {SIGNALS_DISCLOSURE.join("; ")}. No webcam, no screen capture.
    </p>
  );
}
