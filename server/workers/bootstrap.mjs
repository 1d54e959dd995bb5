// The one bootstrap of every worker thread the server starts (the grading thread, the pack reader, the TypeScript sandbox's
// workers): worker threads start without the TypeScript loader the main thread has (tsx, or vite under vitest),
// so register tsx here, then load the real worker, whose URL the parent put in workerData (spawn-worker.ts).
import { register } from "tsx/esm/api";
import { readlinkSync } from "node:fs";
import { workerData } from "node:worker_threads";

// This thread's kernel id ("<pid>/task/<tid>"), first, so its CPU time can be read from the parent (thread-cpu.ts),
// loading included. Linux only; elsewhere the cell stays 0 and the parent falls back to wall time.
try {
  if (workerData.osThread) Atomics.store(workerData.osThread, 0, Number(readlinkSync("/proc/thread-self").split("/").pop()));
} catch {
  // No /proc: nothing to record.
}

register();
// No top-level await here: a module with top-level await that is still
// evaluating when the worker is terminated aborts Node 20 (nodejs/node#43182;
// stop-worker.ts). A failed import still reaches the parent as the worker's "error" event.
import(workerData.workerUrl).catch((err) => {
  throw err;
});
