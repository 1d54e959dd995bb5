import { Worker } from "node:worker_threads";
import { batchWallMs, type SandboxLimits } from "../limits.js";
import type { BatchRequest, BatchResult, LanguageRunner } from "../types.js";

const BOOTSTRAP = new URL("./worker-bootstrap.mjs", import.meta.url);
/** Native stack for the worker: deep enough that QuickJS's own 1 MB limit trips first. */
const WORKER_STACK_MB = 16;
/** The worker gets this long beyond the batch budget before it is presumed stuck and replaced. */
const GRACE_MS = 2000;

type Job = { request: BatchRequest; resolve: (r: BatchResult) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; ready: Promise<void>; busy: boolean };

/**
 * TypeScript runs in QuickJS inside worker threads, never on the server's
 * event loop: a candidate's `while (true)` must not pause other sessions.
 * A worker that dies or hangs is replaced; its batch is reported as crashed.
 */
export function createTypeScriptRunner(options: { limits: SandboxLimits; workers?: number }): LanguageRunner {
  const size = Math.max(1, options.workers ?? 1);
  const queue: Job[] = [];
  let closed = false;
  let nextId = 1;

  const spawnSlot = (): Slot => {
    const worker = new Worker(BOOTSTRAP, { workerData: { limits: options.limits }, resourceLimits: { stackSizeMb: WORKER_STACK_MB } });
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", reject);
    });
    ready.catch(() => undefined);
    return { worker, ready, busy: false };
  };
  const slots: Slot[] = Array.from({ length: size }, spawnSlot);

  const crashed = (request: BatchRequest, why: string): BatchResult => ({
    status: "crashed",
    outcomes: request.cases.map(() => ({ ok: false, error: `the sandbox stopped: ${why}`, stdout: "", stderr: "", ms: 0 })),
    processOutput: "",
    ms: 0,
  });

  const runOn = async (index: number, job: Job) => {
    const slot = slots[index]!;
    slot.busy = true;
    const id = nextId++;
    try {
      await slot.ready;
      const result = await new Promise<BatchResult>((resolve) => {
        const timer = setTimeout(() => finish(crashed(job.request, "it stopped responding")), batchWallMs(options.limits, job.request.cases.length) + GRACE_MS);
        const onMessage = (msg: { id?: number; result?: BatchResult; error?: string }) => {
          if (msg.id !== id) return;
          finish(msg.result ?? crashed(job.request, msg.error ?? "unknown error"));
        };
        const onExit = () => finish(crashed(job.request, "the engine exited"));
        function finish(r: BatchResult) {
          clearTimeout(timer);
          slot.worker.off("message", onMessage);
          slot.worker.off("exit", onExit);
          resolve(r);
        }
        slot.worker.on("message", onMessage);
        slot.worker.once("exit", onExit);
        slot.worker.postMessage({ id, request: job.request });
      });
      if (result.status === "crashed" && !closed) {
        // Whatever broke, do not trust this worker again.
        void slot.worker.terminate();
        slots[index] = spawnSlot();
      }
      job.resolve(result);
    } catch (err) {
      job.reject(err as Error);
    } finally {
      slots[index]!.busy = false;
      pump();
    }
  };

  function pump() {
    for (let i = 0; i < slots.length && queue.length > 0; i++) {
      if (!slots[i]!.busy) void runOn(i, queue.shift()!);
    }
  }

  return {
    run(request) {
      if (closed) return Promise.reject(new Error("the TypeScript sandbox is shut down"));
      return new Promise((resolve, reject) => {
        queue.push({ request, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
