import { startBudget, type BudgetLimits, type BudgetSpent } from "./run-budget.js";
import type { SchedReader } from "./sched-stat.js";

export type BudgetTimers = {
  now: () => number;
  after: (ms: number, run: () => void) => () => void;
};
const realTimers: BudgetTimers = {
  now: () => performance.now(),
  after: (ms, run) => {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

/**
 * Watches a run from outside (a sandboxed process tree): looks when its wall budget would
 * be up, and again as long as waiting for a core has extended it, and calls onSpent once
 * when a budget runs out. stop() when the run ends on its own.
 */
export function watchBudget(options: {
  limits: BudgetLimits;
  read: SchedReader;
  onSpent: (spent: BudgetSpent) => void;
  timers?: BudgetTimers;
}): { stop(): void } {
  const { now, after } = options.timers ?? realTimers;
  const budget = startBudget(options.limits, now(), options.read());
  let cancel: (() => void) | null = null;
  const look = () => {
    const result = budget.look(now(), options.read());
    if (result.spent) {
      cancel = null;
      options.onSpent(result.spent);
    } else cancel = after(result.nextLookMs, look);
  };
  cancel = after(Math.min(options.limits.wallMs, options.limits.cpuMs ?? Number.POSITIVE_INFINITY), look);
  return {
    stop() {
      cancel?.();
      cancel = null;
    },
  };
}
