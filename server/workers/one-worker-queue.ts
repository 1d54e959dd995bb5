import type { Worker, WorkerOptions } from "node:worker_threads";
import { createFairTurns } from "../turns/index.js";
import { spawnWorker } from "./spawn-worker.js";
import { workerLoaded } from "./loaded.js";
import { stopWorker } from "./stop-worker.js";
import { threadCpuMs } from "./thread-cpu.js";

/** Starts a timer and returns its cancel; tests pass one they fire themselves. */
export type StartTimer = (fire: () => void, ms: number) => () => void;
const realTimer: StartTimer = (fire, ms) => {
  const t = setTimeout(fire, ms);
  t.unref();
  return () => clearTimeout(t);
};

export type OneWorkerQueueOptions<Task> = {
  /** The worker module (through the one bootstrap, spawn-worker.ts); it answers `{ id, ... }` for each `{ id, ... }` it is sent. */
  worker: URL;
  /** The thread's name in its errors ("grading thread"). */
  name: string;
  workerOptions?: Omit<WorkerOptions, "workerData">;
  /** Tasks one owner may have waiting behind the one in progress; past it `run` rejects with `ownerFull()`. */
  perOwnerWaiting: number;
  /** Tasks all owners together may have waiting; past it `run` rejects with `queueFull()`. None when absent. */
  maxWaiting?: { count: number; queueFull: () => Error };
  ownerFull: () => Error;
  /** The message for the worker (the queue adds its `id`); built when the task's turn comes, for the worker that will do it. */
  message(task: Task): object;
  /** The task's result from the worker's answer; throws the task's error. */
  result(reply: Record<string, unknown>): unknown;
  /** A new worker was started (the one before it, if any, is gone with what it held). */
  onSpawn?: () => void;
  /**
   * A task whose thread has spent `ms` of CPU time on it is given up with `error()` and its worker replaced: the bound
   * says "this task is too expensive", so it counts the work done, not the wall time a loaded host takes to do it
   * (thread-cpu.ts). Checked when `ms` of wall time has passed, then again when the rest could have been spent; given
   * up anyway at CPU_BOUND_WALL_FACTOR times `ms` of wall time (a liveness bound), or at `ms` where the thread's CPU time
   * cannot be read. No bound when absent. `threadCpuMs` is for tests.
   */
  timeout?: {
    ms: number;
    error: () => Error;
    startTimer?: StartTimer | undefined;
    threadCpuMs?: ((w: Worker) => number | null) | undefined;
  };
  /** Errors' messages: the worker stopped under a task; a task waiting when the queue closed; a task sent after. */
  stopped: string;
  closing: string;
  closed: string;
  /** What the task in progress is told when the queue closes; `closing` when absent. */
  closingInProgress?: string;
  /** What a task is told when its caller's signal aborts (its caller has gone); "the task was cancelled" when absent. */
  cancelled?: () => Error;
};

/**
 * How much wall time a task may take, as a multiple of its CPU bound, before it is given up whatever its CPU time: on
 * the 2-core test host at load 40 a thread gets about a twentieth of a core at worst, so a task within its CPU bound
 * finishes within 20 times it; 10 times keeps a liveness bound within minutes (5 min for a 30 s bound).
 */
export const CPU_BOUND_WALL_FACTOR = 10;
/** The shortest wait before the CPU time is read again (a task just short of its bound is not polled in a loop). */
const MIN_RECHECK_MS = 500;

export type OneWorkerQueue<Task> = {
  /**
   * Queue `task` behind `owner`'s earlier ones (`group`: whose turns the owner shares, fair-turns.ts); resolves with
   * its result, or rejects with the task's error, a refusal (nothing queued), the time bound's error, or `stopped`.
   * When `signal` aborts (nobody waits for the result any more) the task is given up with `cancelled()`: one waiting
   * leaves its owner's line at once (it no longer counts toward `perOwnerWaiting` or `maxWaiting`) and is never sent
   * to the worker, one in progress has its worker replaced (as at the time bound).
   */
  run<R>(task: Task, owner: string, group?: string, signal?: AbortSignal): Promise<R>;
  /** Tasks in progress (0 or 1) and waiting, for tests and metrics. */
  readonly inProgress: number;
  readonly waiting: number;
  close(): Promise<void>;
};

/**
 * One worker thread doing CPU-bound tasks one at a time, off the server's event loop, with the next task chosen by
 * fair turns between owners (server/turns/fair-turns.ts) rather than first come: the grading thread and the pack
 * reader are both this. One at a time, so the next task can still be chosen fairly (a first-come queue posted straight
 * to the worker let one owner's long tasks hold every other's). A worker that dies is replaced: the task it was doing
 * fails (and says so), the ones waiting go to the new one. A task past its time bound is given up and its worker
 * replaced. A worker is terminated only once it has loaded (server/workers/stop-worker.ts says why).
 */
export function createOneWorkerQueue<Task>(options: OneWorkerQueueOptions<Task>): OneWorkerQueue<Task> {
  type Job = { task: Task; resolve: (result: unknown) => void; reject: (e: Error) => void; signal?: AbortSignal | undefined };
  const waiting = createFairTurns<Job>(options.perOwnerWaiting);
  const startTimer = options.timeout?.startTimer ?? realTimer;
  let worker: Worker | null = null;
  /** Per worker: settles once it has loaded (or failed to); it is terminated only after that. */
  const loaded = new WeakMap<Worker, Promise<void>>();
  let inFlight: { id: number; job: Job; worker: Worker; cancelTimer: () => void } | null = null;
  let nextId = 1;
  let closed = false;

  /** Settle the task `w` was doing (if it still has it) and hand the worker the next. */
  const finish = (w: Worker, settle: (job: Job) => void) => {
    if (inFlight?.worker !== w) return;
    const { job, cancelTimer } = inFlight;
    inFlight = null;
    cancelTimer();
    settle(job);
    pump();
  };
  const stop = (w: Worker) => stopWorker(w, loaded.get(w) ?? Promise.resolve());
  const cancelled = options.cancelled ?? (() => new Error("the task was cancelled"));
  /** Give up the task in progress and replace its worker (the next task gets a new one): its bound passed, or its caller left. */
  const abandon = (w: Worker, error: Error) => {
    if (worker === w) worker = null;
    void stop(w);
    finish(w, (j) => j.reject(error));
  };
  const spawn = (): Worker => {
    const w = spawnWorker(options.worker, options.workerOptions);
    w.unref();
    loaded.set(w, workerLoaded(w, options.name));
    options.onSpawn?.();
    w.on("message", (m: Record<string, unknown>) => {
      // The first message of every server worker says it has loaded; it answers no task.
      if (typeof m?.id !== "number" || inFlight?.id !== m.id) return;
      finish(w, (job) => {
        let result: unknown;
        try {
          result = options.result(m);
        } catch (err) {
          return job.reject(err as Error);
        }
        job.resolve(result);
      });
    });
    // Only the task this worker had: an "error" is followed by "exit", by which time a new worker may have one.
    const lost = (err: Error) => {
      if (worker === w) worker = null;
      finish(w, (job) => job.reject(err));
    };
    w.on("error", (err) => lost(err));
    w.on("exit", () => lost(new Error(options.stopped)));
    return w;
  };
  /**
   * Calls `over` once `w`'s thread has spent `bound.ms` of CPU time from now (or `bound.ms` of wall time where that
   * cannot be read, or the wall ceiling); returns its cancel. A fresh thread's loading counts toward its first task.
   */
  const watchCpu = (w: Worker, bound: NonNullable<OneWorkerQueueOptions<Task>["timeout"]>, over: () => void) => {
    const cpuOf = bound.threadCpuMs ?? threadCpuMs;
    const startCpu = cpuOf(w);
    const ceiling = bound.ms * CPU_BOUND_WALL_FACTOR;
    let wallSpent = 0;
    let cancel = () => undefined as void;
    const arm = (ms: number) => {
      cancel = startTimer(() => {
        wallSpent += ms;
        const cpu = startCpu === null ? null : cpuOf(w);
        const spent = cpu === null || startCpu === null ? Number.POSITIVE_INFINITY : cpu - startCpu;
        if (spent >= bound.ms || wallSpent >= ceiling) return over();
        arm(Math.min(Math.max(bound.ms - spent, MIN_RECHECK_MS), ceiling - wallSpent));
      }, ms);
    };
    arm(bound.ms);
    return () => cancel();
  };
  /** Hand the worker the next task, if it is idle. */
  const pump = () => {
    if (inFlight || closed) return;
    // A task whose caller left while it waited left the line then (run's `leaveLine`).
    const job = waiting.shift();
    if (!job) return;
    const w = (worker ??= spawn());
    const id = nextId++;
    const bound = options.timeout;
    // The worker is still at it past the bound: give the task up and replace the worker.
    const cancelBound = bound ? watchCpu(w, bound, () => abandon(w, bound.error())) : () => undefined;
    const onAbort = () => abandon(w, cancelled());
    job.signal?.addEventListener("abort", onAbort, { once: true });
    const cancelTimer = () => {
      cancelBound();
      job.signal?.removeEventListener("abort", onAbort);
    };
    inFlight = { id, job, worker: w, cancelTimer };
    w.postMessage({ ...options.message(job.task), id });
  };

  return {
    run<R>(task: Task, owner: string, group?: string, signal?: AbortSignal) {
      return new Promise<R>((resolve, reject) => {
        if (closed) return reject(new Error(options.closed));
        if (signal?.aborted) return reject(cancelled());
        if (options.maxWaiting && waiting.size >= options.maxWaiting.count) return reject(options.maxWaiting.queueFull());
        // A caller that leaves while its task waits takes it out of its owner's line and is answered at once: a
        // cancelled read holds no place (its team's next read is not refused PACK_READ_BUSY for it). Once the task is
        // in progress, pump's own listener gives it up. Settled either way, the listener goes (signals outlive tasks).
        const leaveLine = () => {
          if (waiting.remove(job)) job.reject(cancelled());
        };
        const settled = () => signal?.removeEventListener("abort", leaveLine);
        const job: Job = {
          task,
          resolve: (result) => (settled(), resolve(result as R)),
          reject: (e) => (settled(), reject(e)),
          signal,
        };
        if (!waiting.push(owner, job, group)) return job.reject(options.ownerFull());
        signal?.addEventListener("abort", leaveLine, { once: true });
        pump();
      });
    },
    get inProgress() {
      return inFlight ? 1 : 0;
    },
    get waiting() {
      return waiting.size;
    },
    async close() {
      closed = true;
      for (const job of waiting.drain()) job.reject(new Error(options.closing));
      if (inFlight) finish(inFlight.worker, (job) => job.reject(new Error(options.closingInProgress ?? options.closing)));
      const w = worker;
      worker = null;
      if (w) await stop(w);
    },
  };
}
