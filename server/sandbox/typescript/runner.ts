import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { spawnWorker, stopWorker, workerLoaded } from "../../workers/index.js";
import { WALL_CEILING_FACTOR } from "../budget/index.js";
import { batchWallMs, HARNESS_LOAD_MS, RUN_STOPPED_MESSAGE, type SandboxLimits } from "../limits.js";
import {
  BACKGROUND_SLOTS,
  createFairQueue,
  perAddressSlots,
  RunCancelledError,
  ticketOf,
  TYPESCRIPT_PER_SESSION,
} from "../scheduling/index.js";
import type { BatchRequest, BatchResult, LanguageRunner } from "../types.js";

const WORKER = new URL("./worker.ts", import.meta.url);
/** Native stack for the worker: deep enough that QuickJS's own 1 MB limit trips first. */
const WORKER_STACK_MB = 16;
/** The worker gets this long beyond the batch's wall ceiling (its budget extended by waiting for a core) before it is presumed stuck and replaced. */
const GRACE_MS = 2000;
/**
 * Start-up before the run's own budget starts (esbuild, the wasm module, the harness prelude: up to two steps of
 * HARNESS_LOAD_MS, each extended to the ceiling by waiting for a core). The ceiling's watch starts only when the
 * worker says the run's budget started: on a starved host (load 18 on two cores) start-up alone took 1.4 s, and a
 * watch started at postMessage cut loops the worker was about to stop at their ceiling, reporting them "crashed".
 */
const START_UP_MS = 2 * HARNESS_LOAD_MS * WALL_CEILING_FACTOR + GRACE_MS;

type Slot = { worker: Worker; ready: Promise<void>; busy: boolean };

/**
 * Workers by default: threads are time-sliced by the kernel, so twice the cores lets
 * a waiting candidate run beside others' slow batches instead of queueing behind them.
 */
export const defaultTypeScriptWorkers = () => Math.min(8, Math.max(2, availableParallelism() * 2));

/**
 * TypeScript runs in QuickJS inside worker threads, never on the server's
 * event loop: a candidate's `while (true)` must not pause other sessions.
 * A worker that dies or hangs is replaced; its batch is reported as crashed.
 */
export function createTypeScriptRunner(options: { limits: SandboxLimits; workers?: number }): LanguageRunner {
  const size = Math.max(1, options.workers ?? defaultTypeScriptWorkers());
  // One batch per candidate at a time, round-robin between candidates.
  const queue = createFairQueue({
    slots: size,
    perOwner: TYPESCRIPT_PER_SESSION,
    perGroup: perAddressSlots(size, TYPESCRIPT_PER_SESSION),
    backgroundSlots: BACKGROUND_SLOTS,
  });
  let closed = false;
  let nextId = 1;

  const spawnSlot = (): Slot => {
    // env: {} — nothing of the server's environment exists in the worker (QuickJS cannot reach it anyway).
    const worker = spawnWorker(WORKER, {
      data: { limits: options.limits },
      env: {},
      resourceLimits: { stackSizeMb: WORKER_STACK_MB },
    });
    worker.unref();
    const ready = workerLoaded(worker, "TypeScript sandbox worker");
    return { worker, ready, busy: false };
  };
  const slots: Slot[] = Array.from({ length: size }, spawnSlot);

  const crashed = (request: BatchRequest, why: string): BatchResult => ({
    status: "crashed",
    outcomes: request.cases.map(() => ({ ok: false, error: `the sandbox stopped: ${why}`, stdout: "", stderr: "", ms: 0 })),
    processOutput: "",
    ms: 0,
  });
  /**
   * The run's code was still running past its wall ceiling (plus grace): on a starved host the worker's own checks
   * (lowered in priority) may not get the CPU to stop it and answer in time. The ceiling is a time budget, so this is
   * a timeout, as a Python sandbox killed at its ceiling is; only a worker that exits or fails is "crashed".
   */
  const pastCeiling = (request: BatchRequest): BatchResult => ({
    status: "timeout",
    budgetSpent: "ceiling",
    outcomes: request.cases.map(() => ({ ok: false, error: RUN_STOPPED_MESSAGE, stdout: "", stderr: "", ms: 0 })),
    processOutput: "",
    ms: 0,
  });

  const runOn = async (request: BatchRequest): Promise<BatchResult> => {
    const index = slots.findIndex((s) => !s.busy);
    const slot = slots[index]!;
    slot.busy = true;
    const id = nextId++;
    try {
      await slot.ready;
      // Its client left before the run reached the worker (while the slot's worker was still loading, or between the
      // queue's turn and here): nothing ran, so the worker is kept. Replacing it here started a new worker (esbuild,
      // the wasm module: seconds of CPU on a loaded host) for a run that never began.
      // (The throw skips the replacement below; a run cancelled in progress is RunCancelledError too, never "crashed".)
      if (request.signal?.aborted) throw new RunCancelledError();
      let replace = false;
      let cancelled = false;
      const result = await new Promise<BatchResult>((resolve) => {
        let timer = setTimeout(() => {
          replace = true;
          finish(crashed(request, "it stopped responding"));
        }, START_UP_MS);
        const onMessage = (msg: { id?: number; result?: BatchResult; error?: string; budgetStarted?: boolean }) => {
          if (msg.id !== id) return;
          if (msg.budgetStarted) {
            clearTimeout(timer);
            timer = setTimeout(
              () => {
                replace = true;
                finish(pastCeiling(request));
              },
              batchWallMs(options.limits, request.cases.length) * WALL_CEILING_FACTOR + GRACE_MS,
            );
            return;
          }
          finish(msg.result ?? crashed(request, msg.error ?? "unknown error"));
        };
        const onExit = () => finish(crashed(request, "the engine exited"));
        // Nobody waits for this run any more (its client left): the worker is stopped and replaced rather than left
        // to run the code to its ceiling.
        const onAbort = () => {
          replace = true;
          cancelled = true;
          finish(crashed(request, "the run was cancelled: nobody waits for its results"));
        };
        function finish(r: BatchResult) {
          clearTimeout(timer);
          slot.worker.off("message", onMessage);
          slot.worker.off("exit", onExit);
          request.signal?.removeEventListener("abort", onAbort);
          resolve(r);
        }
        slot.worker.on("message", onMessage);
        slot.worker.once("exit", onExit);
        request.signal?.addEventListener("abort", onAbort, { once: true });
        // Callbacks cannot cross to the worker; everything else in the request is plain data.
        const { onWait: _onWait, onStart: _onStart, signal: _signal, ...plain } = request;
        slot.worker.postMessage({ id, request: plain });
      });
      if ((replace || result.status === "crashed") && !closed) {
        // Whatever broke, do not trust this worker again.
        void stopWorker(slot.worker, slot.ready);
        slots[index] = spawnSlot();
      }
      if (cancelled) throw new RunCancelledError(true);
      return result;
    } finally {
      slot.busy = false;
    }
  };

  return {
    queueStats: () => queue.stats(),
    async run(request) {
      if (closed) throw new Error("the TypeScript sandbox is shut down");
      const release = await queue.acquire(ticketOf(request), request.onWait, request.signal);
      try {
        request.onStart?.();
        return await runOn(request);
      } finally {
        release();
      }
    },
    async ready() {
      await Promise.all(slots.map((s) => s.ready));
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => stopWorker(s.worker, s.ready)));
    },
  };
}
