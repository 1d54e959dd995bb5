import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createStepRetry } from "../../server/interview/step-retry.js";

/** The retry waits on real timers (it waits for a database to come back); vitest's fake timers drive them here. */
describe("finishing a failed graph step again", () => {
  afterEach(() => void vi.useRealTimers());

  it("retries with growing waits while it keeps failing, counts failures inside its own run, and stops on success", async () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    let failures = 3;
    const finish = async (sessionId: string) => {
      calls.push(Date.now());
      if (failures-- > 0) {
        retry.schedule(sessionId); // what the service's invoke does when the step throws again
        throw new Error("database still away");
      }
    };
    const retry = createStepRetry({ finish, logger: pino({ level: "silent" }) });
    const t0 = Date.now();
    retry.schedule("s1");
    retry.schedule("s1"); // one retry at a time per session
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.map((t) => t - t0)).toEqual([200, 1_200, 3_200, 8_200]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(4);
  });

  it("gives up after its last wait, and does nothing once closed", async () => {
    vi.useFakeTimers();
    const finish = vi.fn(async () => {
      throw new Error("never comes back");
    });
    const retry = createStepRetry({ finish, logger: pino({ level: "silent" }) });
    retry.schedule("s2");
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(finish).toHaveBeenCalledTimes(10);
    retry.close();
    retry.schedule("s3");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(finish).toHaveBeenCalledTimes(10);
  });
});
