import type { Worker } from "node:worker_threads";

/** How long a stop waits for a worker still loading its modules before terminating it anyway. */
const LOAD_WAIT_MS = 10_000;

/**
 * Terminates a worker thread once it has finished loading its modules.
 *
 * Why wait: on Node 20, terminating a worker while V8 is still evaluating an
 * ES module graph aborts the whole process ("Check failed: (location_) !=
 * nullptr" in SourceTextModule::ExecuteAsyncModule, nodejs/node#43182 and
 * #53238). A server closed moments after it started (every test, a CLI run
 * that fails fast) would otherwise crash instead of closing. `loaded` settles
 * when the worker says it is ready, or fails to start; a worker that never
 * says so is terminated after LOAD_WAIT_MS regardless.
 */
export async function stopWorker(worker: Worker, loaded: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, LOAD_WAIT_MS);
    timer.unref();
  });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  await Promise.race([
    loaded.then(
      () => undefined,
      () => undefined,
    ),
    exited,
    bound,
  ]);
  clearTimeout(timer);
  await worker.terminate();
}
