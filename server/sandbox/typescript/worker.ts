import { parentPort, workerData } from "node:worker_threads";
import type { SandboxLimits } from "../limits.js";
import type { BatchRequest } from "../types.js";
import { createQuickJSRunner } from "./quickjs-runner.js";

/** One QuickJS engine per worker thread; the main thread sends batches one at a time. */
const runner = createQuickJSRunner({ limits: (workerData as { limits: SandboxLimits }).limits });
parentPort!.on("message", async ({ id, request }: { id: number; request: BatchRequest }) => {
  try {
    parentPort!.postMessage({ id, result: await runner.run(request) });
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error).message });
  }
});
parentPort!.postMessage({ ready: true });
