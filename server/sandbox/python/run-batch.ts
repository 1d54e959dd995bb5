import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { treeSchedReader, watchBudget, type BudgetSpent, type BudgetTimers, type SchedReader } from "../budget/index.js";
import { batchWallMs, RUN_STOPPED_MESSAGE, type SandboxLimits } from "../limits.js";
import { parseOutcome } from "../outcome.js";
import { DEPRIORITISE_AFTER_MS, deprioritiseTree } from "../scheduling/index.js";
import type { BatchRequest, BatchResult, CaseOutcome } from "../types.js";
import { CPU_LIMIT_EXIT_CODE } from "./command.js";
import { killSandbox } from "./kill.js";
import { createPartialStdout } from "./partial-stdout.js";

export type Warm = {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once the harness has installed its filters and waits for a job (false if it died first). */
  ready: Promise<boolean>;
};

/** How a run's time is measured: the kernel's numbers for the sandbox's process tree, on the real clock (tests inject both). */
export type BudgetSource = { readerFor: (pid: number) => SchedReader; timers?: BudgetTimers | undefined };
const KERNEL_BUDGET: BudgetSource = { readerFor: treeSchedReader };

/** Beyond this many bytes of raw process output the run is stopped. */
const HARD_OUTPUT_FACTOR = 16;

/**
 * Send one batch to a pre-started sandbox and collect its results. Only lines
 * that start with this run's random token count: the token lives in the
 * harness's closures, so lines candidate code writes to fd 3 are ignored. The
 * sandbox is killed as soon as the results are in (threads the candidate left
 * behind die with it, and its tmpfs is freed).
 */
export async function runInSandbox(
  warm: Warm,
  request: BatchRequest,
  limits: SandboxLimits,
  budgetSource: BudgetSource = KERNEL_BUDGET,
): Promise<BatchResult> {
  const started = performance.now();
  const { child } = warm;
  const token = randomBytes(24).toString("base64url");
  const prefix = `${token} `;
  const outcomes = new Map<number, CaseOutcome>();
  let done = false;
  // Assigned from callbacks; the cast stops TypeScript narrowing it to null for good.
  let stopReason = null as BatchResult["status"] | null;
  /** The budget the watcher stopped the run at, if it did (the kernel's CPU limit is read from the exit). */
  let watchedSpent = null as BudgetSpent | null;
  let rawOutput = "";
  let rawBytes = 0;

  // Once: a flood calls this for every chunk that arrives while the process dies.
  const stop = (reason: BatchResult["status"]) => {
    if (stopReason) return;
    stopReason = reason;
    killSandbox(child);
  };
  // The harness copies each test's kept stdout here too (up to the limit per test), so that much more is allowed.
  const hardOutputBytes = limits.outputBytes * (HARD_OUTPUT_FACTOR + request.cases.length + 1);
  const partial = createPartialStdout(limits.outputBytes);
  const collect = (stream: Readable | null | undefined, onText?: (text: string) => void) => {
    // A decoder per stream: a character split across two chunks is not mangled.
    const decoder = new StringDecoder("utf8");
    stream?.on("data", (chunk: Buffer) => {
      rawBytes += chunk.length;
      const text = decoder.write(chunk);
      if (rawOutput.length < limits.outputBytes) rawOutput += text.slice(0, limits.outputBytes - rawOutput.length);
      onText?.(text);
      if (rawBytes > hardOutputBytes) stop("output-limit");
    });
  };
  collect(child.stdout, partial.feed);
  collect(child.stderr);

  let markDone: () => void = () => undefined;
  const doneSignal = new Promise<void>((resolve) => (markDone = resolve));
  let pending = "";
  const results = child.stdio[3] as Readable | null;
  // Every case may carry its return value and two capped outputs (JSON-escaped, so up to 6x).
  const maxLineBytes = limits.returnBytes + limits.outputBytes * 12 + 65_536;
  const maxResultBytes = maxLineBytes * (request.cases.length + 1);
  let resultBytes = 0;
  results?.on("data", (chunk: Buffer) => {
    resultBytes += chunk.length;
    if (resultBytes > maxResultBytes) {
      stop("output-limit");
      return;
    }
    pending += chunk.toString("utf8");
    if (pending.length > maxLineBytes && !pending.includes("\n")) {
      stop("output-limit");
      return;
    }
    let newline: number;
    while ((newline = pending.indexOf("\n")) >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (!line.startsWith(prefix)) continue; // not the harness's: the candidate wrote to fd 3
      let msg: unknown;
      try {
        msg = JSON.parse(line.slice(prefix.length));
      } catch {
        continue;
      }
      if ((msg as { done?: unknown }).done === true) {
        done = true;
        markDone();
        continue;
      }
      const i = (msg as { i?: unknown }).i;
      if (typeof i === "number" && Number.isInteger(i) && i >= 0 && i < request.cases.length && !outcomes.has(i)) {
        outcomes.set(i, parseOutcome(msg, limits));
      }
    }
  });

  // The CPU budget is the kernel's (RLIMIT_CPU); the wall budget is watched from here, extended by the
  // time the sandbox waited for a core on a loaded host (at most twice), so a starved run is not blamed.
  const watcher =
    child.pid === undefined
      ? null
      : watchBudget({
          limits: { wallMs: batchWallMs(limits, request.cases.length) },
          read: budgetSource.readerFor(child.pid),
          timers: budgetSource.timers,
          onSpent: (spent) => {
            watchedSpent = spent;
            stop("timeout");
          },
        });
  // A long run yields the CPU to other candidates' short ones.
  // Background work (pack validation) yields from the start.
  const lower = setTimeout(() => child.pid !== undefined && deprioritiseTree(child.pid), request.background ? 0 : DEPRIORITISE_AFTER_MS);
  child.stdin?.end(
    `${JSON.stringify({
      token,
      code: request.code,
      testCode: request.testCode ?? null,
      entrypoint: request.entrypoint,
      cases: request.cases,
      perTestMs: limits.perTestMs,
      outputLimit: limits.outputBytes,
      returnLimit: limits.returnBytes,
    })}\n`,
  );
  const exit = await Promise.race([warm.exited, doneSignal.then(() => null)]);
  watcher?.stop();
  clearTimeout(lower);
  // The results are in (or the run is over): nothing of this sandbox may outlive it.
  killSandbox(child);

  // Killed at the CPU limit is the run's time running out, as a TypeScript run's budget does.
  const cpuSpent = exit?.signal === "SIGXCPU" || exit?.code === CPU_LIMIT_EXIT_CODE;
  const status: BatchResult["status"] = stopReason ?? (done ? "ok" : cpuSpent ? "timeout" : "crashed");
  const budgetSpent: BudgetSpent | undefined = status !== "timeout" ? undefined : cpuSpent ? "cpu" : (watchedSpent ?? "cpu");
  const missing =
    status === "timeout"
      ? RUN_STOPPED_MESSAGE
      : status === "output-limit"
        ? "stopped: the program wrote too much output"
        : `the program was killed before this test ran (${exit?.signal ?? `exit code ${exit?.code}`}; memory or CPU limit?)`;
  return {
    status,
    ...(budgetSpent ? { budgetSpent } : {}),
    // A test cut short keeps what it printed before the stop.
    outcomes: request.cases.map((_, i) => outcomes.get(i) ?? { ok: false, error: missing, stdout: partial.of(i), stderr: "", ms: 0 }),
    processOutput: rawOutput,
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
}
