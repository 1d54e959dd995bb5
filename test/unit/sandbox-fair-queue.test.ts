import { describe, expect, it } from "vitest";
import { createFairQueue, RunCancelledError } from "../../server/sandbox/scheduling/index.js";

/** Flush pending promise callbacks (grants resolve through promises). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("fair queue for sandbox runs", () => {
  it("a queued run whose client left leaves the line: the runs behind it start as if it had never been sent", async () => {
    const queue = createFairQueue({ slots: 1, perOwner: 1, perGroup: 1 });
    const started: string[] = [];
    const release = await queue.acquire({ owner: "busy", group: "office" });
    const gone = new AbortController();
    const outcomes: Promise<unknown>[] = [];
    // Three runs from departed clients at the same address, then a candidate still there.
    for (const owner of ["left-1", "left-2", "left-3"])
      outcomes.push(queue.acquire({ owner, group: "office" }, undefined, gone.signal).then((r) => (started.push(owner), r)));
    const stays = queue.acquire({ owner: "stays", group: "office" }).then((r) => (started.push("stays"), r));
    await settle();
    expect(queue.stats().waiting).toBe(4);
    gone.abort();
    for (const o of outcomes) await expect(o).rejects.toBeInstanceOf(RunCancelledError);
    expect(queue.stats().waiting).toBe(1);
    release();
    (await stays)();
    expect(started).toEqual(["stays"]);
    expect(queue.stats()).toMatchObject({ busy: 0, waiting: 0 });
    // Already given up: refused at once, never queued.
    await expect(queue.acquire("late", undefined, gone.signal)).rejects.toBeInstanceOf(RunCancelledError);
  });

  it("interleaves candidates round-robin: a candidate with many queued runs cannot starve the others", async () => {
    const queue = createFairQueue({ slots: 1, perOwner: 1 });
    const started: string[] = [];
    const releases: (() => void)[] = [];
    const submit = (owner: string, n: number) =>
      void queue.acquire(owner).then((release) => {
        started.push(`${owner}${n}`);
        releases.push(release);
      });
    // A loops: five runs queued before anyone else arrives.
    for (let n = 1; n <= 5; n++) submit("A", n);
    submit("B", 1);
    submit("B", 2);
    submit("C", 1);
    await settle();
    expect(started).toEqual(["A1"]);
    for (let i = 0; i < 7; i++) {
      releases[i]!();
      await settle();
    }
    expect(started).toEqual(["A1", "A2", "B1", "C1", "A3", "B2", "A4", "A5"]);
  });

  it("holds an owner to perOwner slots while others get the free ones, and reports the wait", async () => {
    const queue = createFairQueue({ slots: 3, perOwner: 1 });
    const a1 = await queue.acquire("A");
    const waits: number[] = [];
    let a2Started = false;
    void queue.acquire("A", ({ ahead }) => waits.push(ahead)).then(() => (a2Started = true));
    const b1 = await queue.acquire("B");
    const c1 = await queue.acquire("C");
    await settle();
    expect(a2Started).toBe(false);
    expect(waits).toEqual([0]);
    expect(queue.stats()).toEqual({ busy: 3, waiting: 1, slots: 3 });
    b1();
    await settle();
    expect(a2Started, "a free slot does not go to A while A already runs").toBe(false);
    a1();
    await settle();
    expect(a2Started).toBe(true);
    c1();
  });

  it("a release called twice frees one slot only", async () => {
    const queue = createFairQueue({ slots: 1, perOwner: 1 });
    const release = await queue.acquire("A");
    release();
    release();
    expect(queue.stats().busy).toBe(0);
    const again = await queue.acquire("B");
    expect(queue.stats().busy).toBe(1);
    again();
  });
});
