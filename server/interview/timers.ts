/** Longest delay setTimeout honours; longer rounds are re-armed in steps. */
const MAX_DELAY = 2_147_483_647;

/**
 * Server-side round deadlines, one per session. The deadline itself lives in
 * the checkpoint; these in-memory timers are re-armed from it after a restart.
 */
export function createRoundTimers(options: { now: () => number; onExpire: (sessionId: string, roundId: string) => void }) {
  const timers = new Map<string, { roundId: string; endsAt: number; handle: NodeJS.Timeout }>();
  const arm = (sessionId: string, roundId: string, endsAt: number): void => {
    const existing = timers.get(sessionId);
    if (existing && existing.roundId === roundId && existing.endsAt === endsAt) return;
    disarm(sessionId);
    const delay = Math.max(0, endsAt - options.now());
    const handle = setTimeout(() => {
      timers.delete(sessionId);
      if (delay > MAX_DELAY) arm(sessionId, roundId, endsAt);
      else options.onExpire(sessionId, roundId);
    }, Math.min(delay, MAX_DELAY));
    handle.unref();
    timers.set(sessionId, { roundId, endsAt, handle });
  };
  const disarm = (sessionId: string): void => {
    const t = timers.get(sessionId);
    if (t) clearTimeout(t.handle);
    timers.delete(sessionId);
  };
  return {
    arm,
    disarm,
    armed: (sessionId: string) => timers.get(sessionId)?.endsAt ?? null,
    clear: () => [...timers.keys()].forEach(disarm),
  };
}
export type RoundTimers = ReturnType<typeof createRoundTimers>;
