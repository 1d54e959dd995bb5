import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import type { SandboxLimits } from "../limits.js";
import {
  BACKGROUND_SLOTS,
  createFairQueue,
  perAddressSlots,
  PYTHON_PER_SESSION,
  RunCancelledError,
  ticketOf,
} from "../scheduling/index.js";
import type { BatchRequest, BatchResult, LanguageRunner } from "../types.js";
import { DEFAULT_PATHS, SANDBOX_SPAWN_ENV, sandboxCommand, type PythonSandboxPaths } from "./command.js";
import { killSandbox } from "./kill.js";
import { runInSandbox, type BudgetSource, type Warm } from "./run-batch.js";
import { createUidAllocator, type UidAllocator } from "./uids.js";

/**
 * Python runs in a pool of pre-started sandboxes: each is a fresh python3
 * process, already inside bubblewrap with the harness loaded and the seccomp
 * filter installed, waiting for one job. A process serves one batch and is
 * killed as soon as its results are in; the pool starts its replacement.
 */
export function createPythonRunner(options: {
  limits: SandboxLimits;
  poolSize: number;
  paths?: PythonSandboxPaths;
  /** Sandboxes running at once (the rest queue, round-robin between candidates). */
  maxConcurrent?: number;
  uids?: UidAllocator;
  /** Where a run's CPU and wait times come from (the kernel's by default; tests inject a loaded host). */
  budget?: BudgetSource;
}): LanguageRunner {
  const paths = options.paths ?? DEFAULT_PATHS;
  // Processes are time-sliced by the kernel, so more sandboxes than cores keeps a waiting
  // candidate from queueing behind others' slow runs. Two per candidate: a submit's visible
  // and hidden batches run side by side (a code:run, one at a time per session, holds one).
  const slots = options.maxConcurrent ?? Math.max(6, availableParallelism() * 3);
  const queue = createFairQueue({
    slots,
    perOwner: PYTHON_PER_SESSION,
    perGroup: perAddressSlots(slots, PYTHON_PER_SESSION),
    backgroundSlots: BACKGROUND_SLOTS,
  });
  const uids = process.getuid?.() === 0 ? (options.uids ?? createUidAllocator()) : null;
  let closed = false;
  const idle: Warm[] = [];
  const all = new Set<ChildProcess>();

  const start = (): Warm => {
    const uid = uids?.take() ?? null;
    const { command, args } = sandboxCommand(paths, options.limits, uid === null ? null : { uid });
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe", "pipe"], env: SANDBOX_SPAWN_ENV });
    all.add(child);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      // "close", not "exit": exit can fire before the pipes are drained, and the last
      // result lines on fd 3 would be lost. close waits for every stdio stream.
      child.once("close", (code, signal) => {
        all.delete(child);
        if (uid !== null) uids?.release(uid);
        resolve({ code, signal });
      });
      child.once("error", () => resolve({ code: null, signal: null }));
    });
    child.stdin?.on("error", () => undefined); // a sandbox that died early must not crash the server
    const ready = new Promise<boolean>((resolve) => {
      const results = child.stdio[3];
      const onData = (chunk: Buffer) => {
        if (chunk.toString("utf8").startsWith("ready\n")) resolve(true);
      };
      results?.once("data", onData);
      void exited.then(() => resolve(false));
    });
    return { child, exited, ready };
  };
  const refill = () => {
    while (!closed && idle.length < options.poolSize) idle.push(start());
  };
  refill();

  return {
    queueStats: () => queue.stats(),
    async run(request: BatchRequest): Promise<BatchResult> {
      if (closed) throw new Error("the Python sandbox is shut down");
      const release = await queue.acquire(ticketOf(request), request.onWait, request.signal);
      try {
        // Its client left between the queue's turn and here: nothing started, and the warm sandbox stays for the next.
        if (request.signal?.aborted) throw new RunCancelledError();
        const warm = idle.shift() ?? start();
        refill();
        request.onStart?.();
        // Nobody waits for this run any more (its client left): the sandbox is killed, not left to run to its limit,
        // and the run is reported cancelled (RunCancelledError), not as the crash the kill looks like from inside.
        const cancel = () => killSandbox(warm.child);
        request.signal?.addEventListener("abort", cancel, { once: true });
        try {
          const result = await runInSandbox(warm, request, options.limits, options.budget);
          if (request.signal?.aborted) throw new RunCancelledError(true);
          return result;
        } finally {
          request.signal?.removeEventListener("abort", cancel);
        }
      } finally {
        release();
      }
    },
    async ready() {
      await Promise.all(idle.map((w) => w.ready));
    },
    async close() {
      closed = true;
      const exits = [...all].map(
        (child) =>
          new Promise<void>((resolve) =>
            child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("close", () => resolve()),
          ),
      );
      for (const child of all) killSandbox(child);
      idle.length = 0;
      await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 2000).unref())]);
    },
  };
}
