import type { SignalEvent } from "../../../server/contracts/index.js";
import { MAX_SIGNALS_PER_BATCH } from "../../../server/contracts/index.js";

/** A pause this long ends a typing run. */
export const RUN_GAP_MS = 2000;
/** Runs shorter than this say nothing about cadence. */
export const MIN_RUN_CHARS = 30;
/** Leaving the tab for less than this is a glance, not time away. */
export const MIN_AWAY_MS = 1000;

/**
 * Turns raw page events into integrity signals, with an injected clock so it is
 * testable without a browser: pastes (size), time away, typing runs (chars, ms).
 */
export function createRecorder(now: () => number) {
  const queue: SignalEvent[] = [];
  let awaySince: number | null = null;
  let run: { start: number; last: number; chars: number; questionId: string | undefined } | null = null;
  const closeRun = () => {
    if (run && run.chars >= MIN_RUN_CHARS) {
      queue.push({
        kind: "burst",
        chars: run.chars,
        ms: Math.max(1, run.last - run.start),
        ...(run.questionId ? { questionId: run.questionId } : {}),
      });
    }
    run = null;
  };
  return {
    paste(chars: number, questionId?: string) {
      closeRun();
      queue.push({ kind: "paste", chars: Math.min(chars, 1_000_000), ...(questionId ? { questionId } : {}) });
    },
    keystroke(questionId?: string) {
      const t = now();
      if (run && (t - run.last > RUN_GAP_MS || run.questionId !== questionId)) closeRun();
      if (!run) run = { start: t, last: t, chars: 0, questionId };
      run.chars += 1;
      run.last = t;
    },
    away() {
      if (awaySince === null) awaySince = now();
      closeRun();
    },
    back() {
      if (awaySince === null) return;
      const ms = now() - awaySince;
      awaySince = null;
      if (ms >= MIN_AWAY_MS) queue.push({ kind: "away", ms: Math.min(ms, 86_400_000) });
    },
    /** Events ready to send (a batch at most), closing a typing run that has gone quiet. */
    take(force = false): SignalEvent[] {
      if (run && (force || now() - run.last > RUN_GAP_MS)) closeRun();
      return queue.splice(0, MAX_SIGNALS_PER_BATCH);
    },
    /** Put a batch back at the front after a failed send. */
    putBack(events: SignalEvent[]) {
      queue.unshift(...events);
    },
  };
}
