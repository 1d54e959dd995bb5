import { describe, expect, it } from "vitest";
import { startLiveCheck } from "../../client/src/team/live-check.js";
import { manualTimers } from "../helpers/manual-timers.js";

/** A check the test answers itself; it rejects as fetch does when its signal aborts. */
function pendingCheck() {
  const seen: { signal?: AbortSignal; answer?: (v: string) => void } = {};
  const check = (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      seen.signal = signal;
      seen.answer = resolve;
      signal.addEventListener("abort", () => reject(Object.assign(new Error("aborted"), { name: "AbortError" })));
    });
  return { seen, check };
}
const settle = () => new Promise((r) => setImmediate(r));

describe("the pack editor's live check", () => {
  it("a check of replaced text is aborted (the server then drops it from the team's turn) and reports nothing", async () => {
    const timers = manualTimers();
    const { seen, check } = pendingCheck();
    const told: string[] = [];
    const cancel = startLiveCheck({ check, onResult: (r) => told.push(r), onError: (m) => told.push(m), startTimer: timers.startTimer });
    cancel();
    await settle();
    // Before (session 19), a replaced check was never aborted: it held the team's turn until the server answered it.
    expect(seen.signal!.aborted).toBe(true);
    expect(told).toEqual([]);
    expect(timers.armed[0]!.cancelled).toBe(true);
  });

  it("a check with no answer past its timeout is stopped and says so; an answer in time is shown", async () => {
    const timers = manualTimers();
    const slow = pendingCheck();
    const told: string[] = [];
    startLiveCheck({
      check: slow.check,
      onResult: (r) => told.push(r),
      onError: (m) => told.push(m),
      timeoutMs: 180_000,
      startTimer: timers.startTimer,
    });
    timers.armed[0]!.fire();
    await settle();
    expect(slow.seen.signal!.aborted).toBe(true);
    expect(told).toEqual(['the server has not answered in 180 s (it may be busy); the check was stopped: press "Check again"']);
    const quick = pendingCheck();
    startLiveCheck({ check: quick.check, onResult: (r) => told.push(r), onError: (m) => told.push(m), startTimer: timers.startTimer });
    quick.seen.answer!("valid");
    await settle();
    expect(told.at(-1)).toBe("valid");
    expect(timers.armed[1]!.cancelled).toBe(true);
  });
});
