import type { SchedSample } from "./sched-stat.js";

/**
 * Which of a run's time budgets ran out: its own CPU time; the wall clock (a sleeping or stuck program); or the
 * ceiling, the wall budget extended by waiting for a core as far as it goes (a run starved on a busy host, most
 * often a loop or slow code that never got its CPU time: "wall" told it it was sleeping).
 */
export type BudgetSpent = "cpu" | "wall" | "ceiling";

/**
 * Time spent waiting for a core extends the wall budget by at most this factor: a run
 * starved by a loaded host gets its fair CPU time, and an endless loop still ends.
 */
export const WALL_CEILING_FACTOR = 2;
/** Looks closer together than this are not worth a read of /proc. */
const MIN_LOOK_MS = 10;

export type BudgetLimits = {
  /** Wall-clock budget on an idle machine. */
  wallMs: number;
  /** CPU time budget; absent when something else enforces it (the kernel's RLIMIT_CPU for Python). */
  cpuMs?: number | undefined;
};
export type BudgetLook = { spent: BudgetSpent; nextLookMs: 0 } | { spent: null; nextLookMs: number };

/**
 * A run's time budget, measured in its own terms: CPU time it used, and wall time minus the
 * time it was runnable but waiting for a core (the kernel's run-queue wait), never more than
 * WALL_CEILING_FACTOR × the wall budget. Pure: the caller brings the clock and the samples.
 * Without samples (no schedstat) it is the plain wall budget, and CPU counts as wall time.
 */
export function startBudget(limits: BudgetLimits, startedAt: number, base: SchedSample | null) {
  const ceiling = limits.wallMs * WALL_CEILING_FACTOR;
  return {
    /** The wall time this run may take, given how long it has waited for a core so far. */
    allowedWallMs(sample: SchedSample | null): number {
      const waited = sample && base ? Math.max(0, sample.waitMs - base.waitMs) : 0;
      return Math.min(limits.wallMs + waited, ceiling);
    },
    look(now: number, sample: SchedSample | null): BudgetLook {
      const elapsed = now - startedAt;
      const cpu = sample && base ? Math.max(0, sample.cpuMs - base.cpuMs) : elapsed;
      if (limits.cpuMs !== undefined && cpu >= limits.cpuMs) return { spent: "cpu", nextLookMs: 0 };
      const allowed = this.allowedWallMs(sample);
      // At the ceiling the run had waited for a core at least its whole wall budget: not a sleeping program.
      if (elapsed >= allowed) return { spent: allowed >= ceiling ? "ceiling" : "wall", nextLookMs: 0 };
      // One thread cannot use CPU faster than the wall clock runs, so neither budget can run out sooner.
      const untilCpu = limits.cpuMs === undefined ? Number.POSITIVE_INFINITY : limits.cpuMs - cpu;
      return { spent: null, nextLookMs: Math.max(MIN_LOOK_MS, Math.min(allowed - elapsed, untilCpu)) };
    },
  };
}
export type RunBudget = ReturnType<typeof startBudget>;
