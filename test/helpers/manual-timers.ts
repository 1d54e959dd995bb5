/** Timers the test fires itself (a StartTimer, server/workers/one-worker-queue.ts): no task is given up unless the test says so. */
export function manualTimers() {
  const armed: { fire: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    armed,
    startTimer: (fire: () => void, ms: number) => {
      const t = { fire, ms, cancelled: false };
      armed.push(t);
      return () => void (t.cancelled = true);
    },
  };
}
