import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import type { Readable } from "node:stream";
import { batchWallMs, type SandboxLimits } from "../limits.js";
import type { BatchRequest, BatchResult, CaseOutcome, LanguageRunner } from "../types.js";
import { DEFAULT_PATHS, sandboxCommand, type PythonSandboxPaths } from "./command.js";
import { killSandbox } from "./kill.js";

/** Sandboxed uids rotate through this range so concurrent runs do not share a process budget. */
const UID_BASE = 61000;
const UID_SPAN = 1000;
/** Beyond this many bytes of raw process output the run is stopped. */
const HARD_OUTPUT_FACTOR = 16;

type Warm = { child: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

/**
 * Python runs in a pool of pre-started sandboxes: each is a fresh python3
 * process, already inside bubblewrap with the harness loaded, waiting for one
 * job. A process serves one batch and exits; the pool starts its replacement.
 */
export function createPythonRunner(options: { limits: SandboxLimits; poolSize: number; paths?: PythonSandboxPaths; maxConcurrent?: number }): LanguageRunner {
  const paths = options.paths ?? DEFAULT_PATHS;
  // At most this many sandboxes run at once; the rest wait their turn instead of starving the machine.
  const maxConcurrent = options.maxConcurrent ?? Math.max(2, availableParallelism() * 2);
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async () => {
    if (running >= maxConcurrent) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  const asRoot = process.getuid?.() === 0;
  let nextUid = 0;
  let closed = false;
  const idle: Warm[] = [];
  const all = new Set<ChildProcess>();

  const start = (): Warm => {
    const identity = asRoot ? { uid: UID_BASE + (nextUid++ % UID_SPAN) } : null;
    const { command, args } = sandboxCommand(paths, options.limits, identity);
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe", "pipe"] });
    all.add(child);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      // "close", not "exit": exit can fire before the pipes are drained, and the last
      // result lines on fd 3 would be lost. close waits for every stdio stream.
      child.once("close", (code, signal) => {
        all.delete(child);
        resolve({ code, signal });
      });
      child.once("error", () => resolve({ code: null, signal: null }));
    });
    child.stdin?.on("error", () => undefined); // a sandbox that died early must not crash the server
    return { child, exited };
  };
  const refill = () => {
    while (!closed && idle.length < options.poolSize) idle.push(start());
  };
  refill();

  return {
    async run(request: BatchRequest): Promise<BatchResult> {
      if (closed) throw new Error("the Python sandbox is shut down");
      await slot();
      try {
        const warm = idle.shift() ?? start();
        refill();
        return await runInSandbox(warm, request, options.limits);
      } finally {
        release();
      }
    },
    async close() {
      closed = true;
      for (const child of all) killSandbox(child);
      idle.length = 0;
    },
  };
}

async function runInSandbox(warm: Warm, request: BatchRequest, limits: SandboxLimits): Promise<BatchResult> {
  const started = performance.now();
  const { child } = warm;
  const outcomes = new Map<number, CaseOutcome>();
  let done = false;
  // Assigned from callbacks; the cast stops TypeScript narrowing it to null for good.
  let stopReason = null as BatchResult["status"] | null;
  let rawOutput = "";
  let rawBytes = 0;

  // Once: a flood calls this for every chunk that arrives while the process dies.
  const stop = (reason: BatchResult["status"]) => {
    if (stopReason) return;
    stopReason = reason;
    killSandbox(child);
  };
  const collect = (stream: Readable | null | undefined) =>
    stream?.on("data", (chunk: Buffer) => {
      rawBytes += chunk.length;
      if (rawOutput.length < limits.outputBytes) rawOutput += chunk.toString("utf8").slice(0, limits.outputBytes - rawOutput.length);
      if (rawBytes > limits.outputBytes * HARD_OUTPUT_FACTOR) stop("output-limit");
    });
  collect(child.stdout);
  collect(child.stderr);

  // Results are complete when the harness says "done"; the process' teardown need not delay them.
  let markDone: () => void = () => undefined;
  const doneSignal = new Promise<void>((resolve) => (markDone = resolve));
  let pending = "";
  const results = child.stdio[3] as Readable | null;
  // The results pipe is the harness's, but candidate code can write to it too: cap it like output.
  const maxResultBytes = limits.outputBytes * 4 * (request.cases.length + 1);
  let resultBytes = 0;
  results?.on("data", (chunk: Buffer) => {
    resultBytes += chunk.length;
    if (resultBytes > maxResultBytes) {
      stop("output-limit");
      return;
    }
    pending += chunk.toString("utf8");
    let newline: number;
    while ((newline = pending.indexOf("\n")) >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      try {
        const msg = JSON.parse(line) as { i?: number; done?: boolean } & Partial<CaseOutcome>;
        if (msg.done) {
          done = true;
          markDone();
        }
        else if (typeof msg.i === "number" && msg.i >= 0 && msg.i < request.cases.length && !outcomes.has(msg.i)) {
          outcomes.set(msg.i, {
            ok: msg.ok === true,
            ...(msg.ok === true ? { value: msg.value } : { error: String(msg.error ?? "failed") }),
            stdout: String(msg.stdout ?? ""),
            stderr: String(msg.stderr ?? ""),
            ms: Number(msg.ms ?? 0),
          });
        }
      } catch {
        // A line that is not the harness' JSON (the candidate wrote to fd 3): ignore it.
      }
    }
  });

  const timer = setTimeout(() => stop("timeout"), batchWallMs(limits, request.cases.length));
  child.stdin?.end(
    `${JSON.stringify({
      code: request.code,
      testCode: request.testCode ?? null,
      entrypoint: request.entrypoint,
      cases: request.cases,
      perTestMs: limits.perTestMs,
      outputLimit: limits.outputBytes,
    })}\n`,
  );
  const exit = await Promise.race([warm.exited, doneSignal.then(() => null)]);
  clearTimeout(timer);

  const status: BatchResult["status"] = stopReason ?? (done ? "ok" : "crashed");
  const missing =
    status === "timeout"
      ? "time limit exceeded (the run was stopped)"
      : status === "output-limit"
        ? "stopped: the program wrote too much output"
        : `the program was killed before this test ran (${exit?.signal ?? `exit code ${exit?.code}`}; memory or CPU limit?)`;
  return {
    status,
    outcomes: request.cases.map((_, i) => outcomes.get(i) ?? { ok: false, error: missing, stdout: "", stderr: "", ms: 0 }),
    processOutput: rawOutput,
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
}
