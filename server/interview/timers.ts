import { realClock, type Clock } from "./clock.js";

/** Longest delay setTimeout honours; longer rounds are re-armed in steps. */
const MAX_DELAY = 2_147_483_647;

/**
 * Server-side round deadlines, one per session. The deadline itself lives in
 * the checkpoint; these in-memory timers are re-armed from it after a restart.
 */
export function createRoundTimers(options: {
  now: () => number;
  onExpire: (sessionId: string, roundId: string) => void;
  setTimer?: Clock["setTimer"];
}) {
  const setTimer = options.setTimer ?? realClock.setTimer;
  const timers = new Map<string, { roundId: string; endsAt: number; cancel: () => void }>();
  const arm = (sessionId: string, roundId: string, endsAt: number): void => {
    const existing = timers.get(sessionId);
    if (existing && existing.roundId === roundId && existing.endsAt === endsAt) return;
    disarm(sessionId);
    const delay = Math.max(0, endsAt - options.now());
    const cancel = setTimer(
      () => {
        timers.delete(sessionId);
        if (delay > MAX_DELAY) arm(sessionId, roundId, endsAt);
        else options.onExpire(sessionId, roundId);
      },
      Math.min(delay, MAX_DELAY),
    );
    timers.set(sessionId, { roundId, endsAt, cancel });
  };
  const disarm = (sessionId: string): void => {
    timers.get(sessionId)?.cancel();
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
