import { Worker, type WorkerOptions } from "node:worker_threads";
import { osThreadCell, rememberOsThread } from "./thread-cpu.js";

/** The bootstrap every server worker starts from: it registers the TypeScript loader, then imports the worker. */
const BOOTSTRAP = new URL("./bootstrap.mjs", import.meta.url);

/**
 * Starts the worker module at `workerUrl` (a .ts file is fine) in a worker thread, through the one bootstrap.
 * `data` is the worker's workerData, beside `workerUrl`, which the bootstrap reads to know what to load.
 */
export function spawnWorker(workerUrl: URL, options: Omit<WorkerOptions, "workerData"> & { data?: Record<string, unknown> } = {}): Worker {
  const { data, ...rest } = options;
  // The bootstrap writes its kernel thread id here, so the thread's CPU time can be read (thread-cpu.ts).
  const osThread = osThreadCell();
  const worker = new Worker(BOOTSTRAP, { ...rest, workerData: { ...data, workerUrl: workerUrl.href, osThread } });
  rememberOsThread(worker, osThread);
  return worker;
}
