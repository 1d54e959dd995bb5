import { describe, expect, it } from "vitest";
import { parseSchedStat, startBudget, treeSchedReader, watchBudget, type SchedSample } from "../../server/sandbox/budget/index.js";
import { DEFAULT_LIMITS } from "../../server/sandbox/index.js";
import { createQuickJSRunner, type RunClock } from "../../server/sandbox/typescript/quickjs-runner.js";
import type { BatchRequest } from "../../server/sandbox/types.js";

/** A host where this run got `share` of the wall time on a core and waited for one the rest of the time. */
const host =
  (share: number) =>
  (elapsed: number): SchedSample => ({ cpuMs: elapsed * share, waitMs: elapsed * (1 - share) });
/** A program that sleeps: no CPU, no waiting for a core. */
const sleeping = (): SchedSample => ({ cpuMs: 0, waitMs: 0 });

describe("a run's time budget, in its own CPU time and un-starved wall time", () => {
  it("a sleeping program ends at its wall budget", () => {
    const budget = startBudget({ wallMs: 1000 }, 0, sleeping());
    expect(budget.look(999, sleeping())).toEqual({ spent: null, nextLookMs: 10 });
    expect(budget.look(1000, sleeping()).spent).toBe("wall");
  });

  it("a run starved by a loaded host gets the time it waited for a core, up to twice its wall budget", () => {
    const load = host(0.3);
    const budget = startBudget({ wallMs: 1000 }, 0, load(0));
    // At its plain wall budget it has waited 700 ms: it may run until 1700 ms.
    expect(budget.look(1000, load(1000))).toEqual({ spent: null, nextLookMs: 700 });
    // By then it has waited 1190 ms more: past the ceiling, which now holds.
    expect(budget.look(1700, load(1700))).toEqual({ spent: null, nextLookMs: 300 });
    // Stopped at the ceiling, and it says so: it was starved, not sleeping ("wall" told a loop it slept).
    expect(budget.look(2000, load(2000)).spent).toBe("ceiling");
  });

  it("a run that waited for a core but less than its budget, then slept, ends 'wall' before the ceiling", () => {
    // Waited 300 ms in its first 600 ms, then slept: allowed 1300 ms, short of the 2000 ms ceiling.
    const sample = (t: number): SchedSample => ({ cpuMs: Math.min(t, 600) * 0.5, waitMs: Math.min(t, 600) * 0.5 });
    const budget = startBudget({ wallMs: 1000 }, 0, sample(0));
    expect(budget.look(1299, sample(1299)).spent).toBeNull();
    expect(budget.look(1300, sample(1300)).spent).toBe("wall");
  });

  it("CPU time used up ends the run as 'cpu', whatever the wall clock says", () => {
    const load = host(0.5);
    const budget = startBudget({ wallMs: 4000, cpuMs: 500 }, 100, load(100));
    expect(budget.look(1099, load(1099)).spent).toBeNull();
    expect(budget.look(1100, load(1100)).spent).toBe("cpu");
  });

  it("counts from the run's start: what the process used before (a pre-started sandbox) does not count", () => {
    const before = { cpuMs: 900, waitMs: 5000 };
    const budget = startBudget({ wallMs: 1000, cpuMs: 1000 }, 0, before);
    expect(budget.look(1000, { cpuMs: 900 + 1000, waitMs: 5000 }).spent).toBe("cpu");
    expect(startBudget({ wallMs: 1000 }, 0, before).look(1000, { cpuMs: 950, waitMs: 5000 }).spent).toBe("wall");
  });

  it("without the kernel's numbers it is the plain wall budget, CPU counted as wall time", () => {
    expect(startBudget({ wallMs: 1000 }, 0, null).look(1000, null).spent).toBe("wall");
    expect(startBudget({ wallMs: 1000, cpuMs: 600 }, 0, null).look(600, null).spent).toBe("cpu");
  });

  it("reads schedstat lines, and the kernel's numbers for a real process tree (this one)", () => {
    expect(parseSchedStat("2000000 3500000 12\n")).toEqual({ cpuMs: 2, waitMs: 3.5 });
    expect(parseSchedStat("garbage")).toBeNull();
    const sample = treeSchedReader(process.pid)();
    expect(sample?.cpuMs).toBeGreaterThan(0);
    expect(treeSchedReader(2 ** 30)()).toBeNull();
  });
});

describe("watching a sandboxed run from outside", () => {
  const fakeTimers = () => {
    let now = 0;
    const pending: { at: number; run: () => void }[] = [];
    return {
      timers: {
        now: () => now,
        after: (ms: number, run: () => void) => {
          const entry = { at: now + ms, run };
          pending.push(entry);
          return () => void pending.splice(pending.indexOf(entry), 1);
        },
      },
      /** Move the clock, firing what falls due on the way. */
      advanceTo(to: number) {
        for (;;) {
          pending.sort((a, b) => a.at - b.at);
          const next = pending[0];
          if (!next || next.at > to) break;
          pending.shift();
          now = next.at;
          next.run();
        }
        now = to;
      },
      get now() {
        return now;
      },
    };
  };

  it("a starved run is looked at again and stopped only at the ceiling; a sleeping one at its budget", () => {
    for (const [read, endsAt] of [
      [(t: number) => host(0.1)(t), 2000],
      [sleeping, 1000],
    ] as const) {
      const clock = fakeTimers();
      const spent: { at: number; spent: string }[] = [];
      watchBudget({
        limits: { wallMs: 1000 },
        read: () => read(clock.now),
        timers: clock.timers,
        onSpent: (s) => spent.push({ at: clock.now, spent: s }),
      });
      clock.advanceTo(endsAt - 1);
      expect(spent).toEqual([]);
      clock.advanceTo(5000);
      expect(spent).toEqual([{ at: endsAt, spent: endsAt === 2000 ? "ceiling" : "wall" }]);
    }
  });

  it("stop() ends the watch: a run that finished is never stopped", () => {
    const clock = fakeTimers();
    const spent: string[] = [];
    const watch = watchBudget({ limits: { wallMs: 1000 }, read: sleeping, timers: clock.timers, onSpent: (s) => spent.push(s) });
    clock.advanceTo(500);
    watch.stop();
    clock.advanceTo(5000);
    expect(spent).toEqual([]);
  });
});

describe("TypeScript runs on a loaded host (the runner in this thread, its clock and kernel numbers injected)", () => {
  /** Every clock read moves time on by 1 ms; the thread got `share` of it on a core. */
  const loadedClock = (share: number | null): RunClock & { elapsed: () => number } => {
    let now = 0;
    return {
      now: () => ++now,
      read: () => (share === null ? sleeping() : host(share)(now)),
      elapsed: () => now,
    };
  };
  const loops = (cases: number): BatchRequest => ({
    language: "typescript",
    code: "export function f(a: number) { while (true) {} }",
    entrypoint: "f",
    cases: Array.from({ length: cases }, (_, i) => ({ args: [i] })),
  });
  const limits = { ...DEFAULT_LIMITS, perTestMs: 300, cpuSeconds: 0.5 };

  it("a starved test is not cut at its wall limit: it gets up to twice that, and says 'time limit exceeded for this test'", async () => {
    const clock = loadedClock(0.1);
    const result = await createQuickJSRunner({ limits, clock }).run(loops(1));
    expect(result.outcomes[0]!.error).toBe("time limit exceeded for this test");
    expect(result.status).toBe("ok");
    // 300 ms of wall budget, 270 ms of it spent waiting: extended to the 600 ms ceiling.
    expect(clock.elapsed()).toBeGreaterThanOrEqual(600);
    expect(clock.elapsed()).toBeLessThan(700);
  });

  it("on an idle host a loop uses the run's CPU seconds and the report says 'cpu'", async () => {
    const result = await createQuickJSRunner({ limits, clock: loadedClock(1) }).run(loops(12));
    expect(result.status).toBe("timeout");
    expect(result.budgetSpent).toBe("cpu");
    expect(result.outcomes[0]!.error).toBe("time limit exceeded for this test");
    // 300 ms on the first test, the other 200 ms of the 0.5 CPU seconds on the second.
    expect(result.outcomes.slice(1).map((o) => o.error)).toEqual(Array(11).fill("time limit exceeded (the run was stopped)"));
  });

  // A loop on a busy host: 5% of the wall time on a core, so its 0.5 CPU seconds would take 10 s, past the run's
  // ceiling (twice its 2.5 s wall budget). It is stopped there, and the report says the ceiling, not "wall" (which
  // told the candidate their loop was sleeping). Plain JavaScript takes the same path as TypeScript.
  it.each([
    ["typescript", "export function f(a: number) { while (true) {} }"],
    ["plain JavaScript", "function f(a) { for (;;) {} }"],
  ])("%s: a loop starved by a busy host is stopped at the ceiling, and the report says 'ceiling'", async (_name, code) => {
    const clock = loadedClock(0.05);
    const result = await createQuickJSRunner({ limits, clock }).run({ ...loops(12), code });
    expect(result.status).toBe("timeout");
    expect(result.budgetSpent).toBe("ceiling");
    expect(result.outcomes.at(-1)!.error).toBe("time limit exceeded (the run was stopped)");
    // batchWallMs: min(12 × 300 + 1500, 2 × 500 + 1500) = 2500 ms; the ceiling twice that.
    expect(clock.elapsed()).toBeGreaterThanOrEqual(5000);
    expect(clock.elapsed()).toBeLessThan(5600);
  });

  it("a run that uses no CPU yet never finishes ends at the wall clock and the report says 'wall'", async () => {
    const result = await createQuickJSRunner({ limits, clock: loadedClock(null) }).run(loops(12));
    expect(result.status).toBe("timeout");
    expect(result.budgetSpent).toBe("wall");
    expect(result.outcomes.at(-1)!.error).toBe("time limit exceeded (the run was stopped)");
  });
});
