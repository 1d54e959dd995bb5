import { useRef, useState, type RefObject } from "react";
import type { CodeRunResult, Language, TestReport } from "../../../server/contracts/index.js";
import { errorMessage } from "../socket.js";

/** The last "Run tests" result, with the code it ran, to tell when it is stale. */
type RunOutcome = { report: TestReport; code: string; language: Language };

type RunCode = (questionId: string, code: string, language: Language, onWaiting?: (ahead: number) => void) => Promise<CodeRunResult>;

/**
 * "Run tests" on a coding question: one run at a time, the last outcome kept,
 * a failed run shown in the room's banner and cleared by the next good run.
 */
export function useTestRun(questionId: string, runCode: RunCode, onError: (message: string | null) => void, mounted: RefObject<boolean>) {
  const [running, setRunning] = useState(false);
  /** Set while a run queues for a free sandbox (other candidates' runs are ahead). */
  const [waiting, setWaiting] = useState(false);
  const [run, setRun] = useState<RunOutcome | null>(null);
  const runningRef = useRef(false);
  // Set while the banner shows a failed run, so the next good run can clear it.
  const errorShownRef = useRef(false);

  const runTests = async (code: string, language: Language) => {
    if (runningRef.current || code.trim() === "") return;
    runningRef.current = true;
    setRunning(true);
    try {
      const { report } = await runCode(questionId, code, language, () => mounted.current && setWaiting(true));
      if (!mounted.current) return;
      setRun({ report, code, language });
      if (errorShownRef.current) onError(null);
      errorShownRef.current = false;
    } catch (err) {
      if (!mounted.current) return;
      errorShownRef.current = true;
      onError(`The tests did not run: ${errorMessage(err)}`);
    } finally {
      runningRef.current = false;
      if (mounted.current) {
        setRunning(false);
        setWaiting(false);
      }
    }
  };

  return { run, running, waiting, runTests };
}
