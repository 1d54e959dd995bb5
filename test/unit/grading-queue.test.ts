import pino from "pino";
import { describe, expect, it } from "vitest";
import { createGradingQueue } from "../../server/interview/grading-queue.js";
import type { GradeUpdate } from "../../server/interview/state.js";

const logger = pino({ level: "silent" });
const update = (questionId: string): GradeUpdate => ({ grades: { [questionId]: [] } });

/** A promise and its resolver, so the test decides when a wait ends. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const ticks = async (n = 20) => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

// A graded coding answer waits for the sandbox, whose hidden batch is held to its whole budget (seconds) so its
// timing tells the candidate nothing. That wait must not keep a grading slot: with two slots, two sessions' coding
// submits would otherwise hold up every other session's grading (and its end) for the length of the hold.
describe("the grading queue", () => {
  it("lets other sessions grade while jobs wait off their slot, and never runs more than its slots of grading work", async () => {
    const queue = createGradingQueue({ concurrency: 2, logger });
    const held = [deferred(), deferred()];
    let working = 0;
    let mostWorking = 0;
    const work = async () => {
      working++;
      mostWorking = Math.max(mostWorking, working);
      await ticks(3);
      working--;
    };
    const done: string[] = [];
    for (const [i, h] of held.entries()) {
      queue.enqueue(`coding-${i}`, "q", async (offSlot) => {
        await work();
        await offSlot(() => h.promise);
        await work();
        done.push(`coding-${i}`);
        return update("q");
      });
      queue.start(`coding-${i}`);
    }
    for (const s of ["a", "b", "c"]) {
      queue.enqueue(s, "q", async () => {
        await work();
        done.push(s);
        return update("q");
      });
      queue.start(s);
    }
    await ticks(200);
    // Both coding jobs are held; the three others graded meanwhile.
    expect(done).toEqual(["a", "b", "c"]);
    held.forEach((h) => h.resolve());
    expect(await queue.settle("coding-0")).toEqual([update("q")]);
    expect(await queue.settle("coding-1")).toEqual([update("q")]);
    expect(done.slice(3).sort()).toEqual(["coding-0", "coding-1"]);
    expect(mostWorking).toBeLessThanOrEqual(2);
  });

  it("settles a session only once its held waits are over", async () => {
    const queue = createGradingQueue({ concurrency: 1, logger });
    const h = deferred();
    queue.enqueue("s", "q", async (offSlot) => {
      await offSlot(() => h.promise);
      return update("q");
    });
    let settled = false;
    const settling = queue.settle("s").then((u) => ((settled = true), u));
    await ticks(100);
    expect(settled).toBe(false);
    h.resolve();
    expect(await settling).toEqual([update("q")]);
  });
});
