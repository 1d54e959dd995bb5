import pino from "pino";
import { describe, expect, it, vi } from "vitest";
import { createStepRetry, STEP_RETRY_DELAYS_MS } from "../../server/interview/step-retry.js";
import { manualClock } from "../helpers/manual-clock.js";

const silent = pino({ level: "silent" });

/** The retry waits on the injected clock: the test moves it and sees each attempt land when it is due. */
describe("finishing a failed graph step again", () => {
  it("retries with growing waits while it keeps failing, counts failures inside its own run, and stops on success", async () => {
    const clock = manualClock();
    const t0 = clock.now();
    const calls: number[] = [];
    let failures = 3;
    const finish = async (sessionId: string) => {
      calls.push(clock.now() - t0);
      if (failures-- > 0) {
        retry.schedule(sessionId); // what the service's invoke does when the step throws again
        throw new Error("database still away");
      }
    };
    const retry = createStepRetry({ finish, setTimer: clock.setTimer, logger: silent });
    retry.schedule("s1");
    retry.schedule("s1"); // one retry at a time per session
    expect(retry.waiting()).toBe(1);
    for (const wait of STEP_RETRY_DELAYS_MS.slice(0, 4)) {
      await vi.waitFor(() => expect(clock.pending()).toBe(1));
      clock.advance(wait - 1);
      expect(clock.pending()).toBe(1); // not a moment early
      clock.advance(1);
    }
    await vi.waitFor(() => expect(calls).toHaveLength(4));
    expect(calls).toEqual([200, 1_200, 3_200, 8_200]);
    await Promise.resolve();
    expect(clock.pending()).toBe(0); // succeeded: nothing more scheduled
  });

  it("gives up after its last wait (logged), and does nothing once closed", async () => {
    const clock = manualClock();
    const logged: string[] = [];
    const logger = pino({ level: "error" }, { write: (line: string) => void logged.push((JSON.parse(line) as { msg: string }).msg) });
    const finish = vi.fn(async () => {
      throw new Error("never comes back");
    });
    const retry = createStepRetry({ finish, setTimer: clock.setTimer, logger, delaysMs: [10, 20, 30] });
    retry.schedule("s2", { what: "round timeout", err: new Error("first failure") });
    expect(logged).toEqual(["round timeout failed; retrying"]);
    for (const wait of [10, 20, 30]) {
      await vi.waitFor(() => expect(clock.pending()).toBe(1));
      clock.advance(wait);
    }
    await vi.waitFor(() => expect(logged.at(-1)).toMatch(/^gave up finishing a failed graph step/));
    expect(finish).toHaveBeenCalledTimes(3);
    expect(clock.pending()).toBe(0);

    retry.schedule("s3");
    expect(clock.pending()).toBe(1);
    retry.close(); // cancels what waits
    expect(clock.pending()).toBe(0);
    retry.schedule("s4");
    expect(clock.pending()).toBe(0);
    expect(finish).toHaveBeenCalledTimes(3);
  });
});
