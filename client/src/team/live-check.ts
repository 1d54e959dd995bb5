/**
 * How long the pack editor waits for one check of its text before giving it up. A check reads the pack (up to 30 s of
 * the server's CPU) and runs its reference solutions (a 60 s budget); on a loaded server both take longer in wall
 * time. Past this the editor says so and offers "Check again", rather than showing "Checking…" for ever.
 */
const CHECK_TIMEOUT_MS = 180_000;

type StartTimer = (fire: () => void, ms: number) => () => void;
const browserTimer: StartTimer = (fire, ms) => {
  const t = window.setTimeout(fire, ms);
  return () => window.clearTimeout(t);
};

/**
 * One live check of the editor's text; the returned function stops it (the editor closed). Exactly one of `onResult`
 * and `onError` is called, unless it was stopped. The editor keeps one check in flight and lets a check of a replaced
 * text finish rather than stop it (PackEditor.tsx says why). A check with no answer after `timeoutMs` is aborted, and
 * `onError` says so.
 */
export function startLiveCheck<R>(options: {
  check: (signal: AbortSignal) => Promise<R>;
  onResult: (result: R) => void;
  onError: (message: string) => void;
  timeoutMs?: number;
  startTimer?: StartTimer;
}): () => void {
  const timeoutMs = options.timeoutMs ?? CHECK_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const cancelTimeout = (options.startTimer ?? browserTimer)(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  options.check(controller.signal).then(
    (result) => {
      cancelTimeout();
      if (!controller.signal.aborted) options.onResult(result);
    },
    (err: unknown) => {
      cancelTimeout();
      if (timedOut) {
        options.onError(
          `the server has not answered in ${Math.round(timeoutMs / 1000)} s (it may be busy); the check was stopped: press "Check again"`,
        );
      } else if (!controller.signal.aborted) options.onError(err instanceof Error ? err.message : String(err));
    },
  );
  return () => {
    cancelTimeout();
    controller.abort();
  };
}
