import type { Worker } from "node:worker_threads";

/**
 * Settles once a worker has loaded its modules: it resolves on the worker's first message (every server worker
 * says it is ready, or answers its first task, only after its imports ran), and rejects when the worker fails to
 * load ("error") or exits first. stopWorker waits on it before terminating (stop-worker.ts says why); a caller
 * that needs the worker (the TypeScript sandbox's `ready()`) awaits it and hears why it failed.
 *
 * The rejection is marked handled here: a worker that fails while nobody waits on it is replaced by its owner
 * (its "error" and "exit" listeners), not an unhandled rejection that ends the process.
 */
export function workerLoaded(worker: Worker, name = "worker thread"): Promise<void> {
  const loaded = new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the ${name} exited while starting (exit code ${code})`)));
  });
  loaded.catch(() => undefined);
  return loaded;
}
