import { parentPort, workerData } from "node:worker_threads";
import type { SandboxLimits } from "../limits.js";
import type { BatchRequest } from "../types.js";
import { createQuickJSRunner } from "./quickjs-runner.js";

/** One QuickJS engine per worker thread; the main thread sends batches one at a time. */
let current = 0;
const runner = createQuickJSRunner({
  limits: (workerData as { limits: SandboxLimits }).limits,
  // Tells the main thread's watchdog that start-up is over and the run's own budget (and ceiling) starts now.
  onRunBudgetStart: () => parentPort!.postMessage({ id: current, budgetStarted: true }),
});
async function answer({ id, request }: { id: number; request: BatchRequest }): Promise<void> {
  current = id;
  try {
    parentPort!.postMessage({ id, result: await runner.run(request) });
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error).message });
  }
}
parentPort!.on("message", (message: { id: number; request: BatchRequest }) => void answer(message));
parentPort!.postMessage({ ready: true });
