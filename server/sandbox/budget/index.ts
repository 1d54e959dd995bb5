export { startBudget, WALL_CEILING_FACTOR, type BudgetSpent, type RunBudget } from "./run-budget.js";
export { parseSchedStat, readThreadSchedStat, treeSchedReader, type SchedReader, type SchedSample } from "./sched-stat.js";
export { watchBudget, type BudgetTimers } from "./watch.js";
