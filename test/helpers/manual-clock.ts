import type { Clock } from "../../server/interview/index.js";

/** A clock that moves only when the test says so; timers due by then fire in order. */
export function manualClock(start = 1_800_000_000_000) {
  let time = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: Clock & { advance(ms: number): void; pending(): number } = {
    now: () => time,
    setTimer(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: time + ms, fn });
      return () => void timers.delete(id);
    },
    advance(ms) {
      const until = time + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        time = Math.max(time, due[1].at);
        due[1].fn();
      }
      time = until;
    },
    pending: () => timers.size,
  };
  return clock;
}
export type ManualClock = ReturnType<typeof manualClock>;
