import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from "quickjs-emscripten-core";
import { readThreadSchedStat, startBudget, type BudgetSpent, type RunBudget, type SchedReader } from "../budget/index.js";
import { batchWallMs, HARNESS_LOAD_MS, RUN_STOPPED_MESSAGE, TEST_STOPPED_MESSAGE, type SandboxLimits } from "../limits.js";
import type { BatchRequest, BatchResult, CaseOutcome, LanguageRunner } from "../types.js";
import { CANDIDATE_GLOBALS, HARNESS_PRELUDE } from "./harness-prelude.js";
import { DEPRIORITISE_AFTER_MS, LOW_PRIORITY, setOwnThreadPriority } from "../scheduling/index.js";
import { createQuickJSModules } from "./quickjs-module.js";
import { toScript, TranspileError } from "./transpile.js";

const MB = 1024 * 1024;
// QuickJS stops deep recursion here; the worker thread running it has a larger native stack (see runner.ts).
const STACK_BYTES = 1024 * 1024;

/** Where a run's time comes from: this thread's CPU and run-queue wait, on the monotonic clock (tests inject both). */
export type RunClock = { now: () => number; read: SchedReader };
const THREAD_CLOCK: RunClock = { now: () => performance.now(), read: readThreadSchedStat };

/** TypeScript/JavaScript in QuickJS (wasm): a fresh runtime and context per batch. Runs inside a worker thread. */
export function createQuickJSRunner(options: {
  limits: SandboxLimits;
  clock?: RunClock;
  /** Called when the run's own time budget starts (after start-up): the main thread's watchdog measures from here. */
  onRunBudgetStart?: () => void;
}): LanguageRunner {
  const modules = createQuickJSModules(options.limits.memoryMb);
  return {
    async run(request) {
      const started = performance.now();
      // Candidate code and test code are separate scripts: the test code's declarations
      // (runCase) are made after the candidate's code has run, and are captured at once.
      let scripts: { candidate: string; tests: string | null };
      try {
        scripts = { candidate: toScript(request.code), tests: request.testCode ? toScript(request.testCode) : null };
      } catch (err) {
        if (!(err instanceof TranspileError)) throw err;
        const error = `could not compile the code: ${err.message}`;
        return {
          status: "compile-error",
          outcomes: request.cases.map(() => ({ ok: false, error, stdout: "", stderr: "", ms: 0 })),
          processOutput: "",
          ms: Math.round(performance.now() - started),
        };
      }
      const module = await modules.get();
      const runtime = module.newRuntime();
      const context = runtime.newContext();
      let result: BatchResult;
      try {
        result = runBatch(
          runtime,
          context,
          () => module.getWasmMemory().buffer.byteLength,
          scripts,
          request,
          options.limits,
          started,
          options.clock ?? THREAD_CLOCK,
          options.onRunBudgetStart,
        );
      } catch (err) {
        // QuickJS itself failed (an abort inside wasm): this module is unusable from here on.
        modules.discard();
        const error = `the JavaScript engine stopped: ${(err as Error).message.slice(0, 200)}`;
        return {
          status: "crashed",
          outcomes: request.cases.map(() => ({ ok: false, error, stdout: "", stderr: "", ms: 0 })),
          processOutput: "",
          ms: Math.round(performance.now() - started),
        };
      }
      if (runtime.hasPendingJob()) {
        // Cut off with promise jobs still queued (a microtask loop stopped by the deadline): QuickJS
        // cannot free that runtime (JS_FreeRuntime asserts on the objects the queued jobs keep alive,
        // printing "Aborted(...)"). Drop the whole wasm module instead; its memory goes with it.
        modules.discard();
        return result;
      }
      try {
        context.dispose();
        runtime.dispose();
      } catch {
        // Hostile code (e.g. a stack overflow) can leave QuickJS unable to free its heap,
        // and it aborts. The results are already in hand; throw the module away instead.
        modules.discard();
      }
      await modules.recycleIfLarge();
      return result;
    },
    async close() {},
  };
}

function runBatch(
  runtime: QuickJSRuntime,
  context: QuickJSContext,
  wasmBytes: () => number,
  scripts: { candidate: string; tests: string | null },
  request: BatchRequest,
  limits: SandboxLimits,
  started: number,
  clock: RunClock,
  onRunBudgetStart?: () => void,
): BatchResult {
  const { now, read } = clock;
  /**
   * Time is measured in this thread's own CPU time, and wall time past a budget counts only
   * when the thread was not waiting for a core (budget/run-budget.ts): a loaded host does not
   * stop a run that had no chance to run. The run's budget starts when the candidate's code
   * loads; each test (and each load) has its own.
   */
  let runBudget: RunBudget | null = null;
  let stepBudget: RunBudget | null = null;
  /** The next time to read the thread's numbers; between looks the interrupt handler costs one clock read. */
  let nextLook = Number.POSITIVE_INFINITY;
  /** Which budget stopped the code being run now, if one did. */
  let over: "step" | "run" | null = null;
  let runSpent: BudgetSpent | null = null;
  const look = (): boolean => {
    const at = now();
    const sample = read();
    let next = Number.POSITIVE_INFINITY;
    const run = runBudget?.look(at, sample);
    if (run?.spent) {
      over = "run";
      runSpent ??= run.spent;
      return true;
    }
    if (run) next = run.nextLookMs;
    const step = stepBudget?.look(at, sample);
    if (step?.spent) {
      over = "step";
      return true;
    }
    if (step) next = Math.min(next, step.nextLookMs);
    nextLook = at + next;
    return false;
  };
  /** A new step (loading, or one test) with its own budget, never past the run's. */
  const armStep = (limit: { wallMs: number; cpuMs?: number }) => {
    over = null;
    stepBudget = startBudget(limit, now(), read());
    look();
  };
  let out = "";
  let err = "";
  let outputExceeded = false;
  /** Everything the code tried to print, kept or not: a flood stops the run. */
  let attempted = 0;
  const memoryCap = (limits.memoryMb + 8) * MB;
  runtime.setMemoryLimit(limits.memoryMb * MB);
  runtime.setMaxStackSize(STACK_BYTES);
  // Called often while code runs: stop on time, on heap growth, or on runaway output.
  // A batch that has run for a while lowers this worker thread's priority (restored after the batch).
  // Background work (pack validation) is lowered at its first check.
  const lowerAt = now() + (request.background ? -1 : DEPRIORITISE_AFTER_MS);
  let lowered = false;
  runtime.setInterruptHandler(() => {
    const at = now();
    if (!lowered && at > lowerAt) lowered = setOwnThreadPriority(LOW_PRIORITY);
    return over !== null || (at > nextLook && look()) || wasmBytes() > memoryCap || outputExceeded;
  });

  const write = context.newFunction("__write", (fd, text) => {
    const s = `${context.getString(text)}\n`;
    const target = context.getNumber(fd) === 2 ? "err" : "out";
    const current = target === "out" ? out : err;
    attempted += s.length;
    if (attempted > limits.outputBytes * 16) outputExceeded = true;
    const kept = current.length < limits.outputBytes ? s.slice(0, limits.outputBytes - current.length) : "";
    if (target === "out") out += kept;
    else err += kept;
  });
  context.setProp(context.global, "__write", write);
  write.dispose();

  /** Which time limit stopped the code, if one did: the test's own, or the run's. */
  let runCut = false;
  const timeUp = (): string | null => {
    if (over === null && now() > nextLook) look();
    if (over === null) return null;
    if (over === "step") return TEST_STOPPED_MESSAGE;
    runCut = true;
    return RUN_STOPPED_MESSAGE;
  };
  const perTest = { wallMs: limits.perTestMs, cpuMs: limits.perTestMs };

  const describe = (handle: QuickJSHandle): string => {
    const e = context.dump(handle) as { name?: string; message?: string } | string;
    if (typeof e === "object" && e) {
      if (e.message === "interrupted") return timeUp() ?? "stopped: memory or output limit exceeded";
      return `${e.name ?? "Error"}: ${e.message ?? ""}`.slice(0, 2000);
    }
    return String(e).slice(0, 2000);
  };

  // The harness's functions first, before any candidate code exists. It is our own code:
  // a generous deadline, so a stalled machine does not fail the candidate's run here.
  armStep({ wallMs: Math.max(limits.perTestMs, HARNESS_LOAD_MS) });
  const harness = context.evalCode(HARNESS_PRELUDE, "harness.js").unwrap();
  // With test code, the built-ins are recorded now (before the candidate's script) and
  // runCase is called through invokeRestored, which puts them back first.
  let invoke = context.getProp(harness, 0);
  const serialise = context.getProp(harness, 1);
  let guardEntrypoint: QuickJSHandle | null = null;
  if (request.testCode) {
    const arm = context.getProp(harness, 2);
    armStep({ wallMs: Math.max(limits.perTestMs, HARNESS_LOAD_MS) });
    const armed = context.callFunction(arm, context.undefined).unwrap();
    arm.dispose();
    invoke.dispose();
    invoke = context.getProp(armed, 0);
    guardEntrypoint = context.getProp(armed, 1);
    armed.dispose();
  }
  harness.dispose();
  const returnLimit = context.newNumber(limits.returnBytes);

  // Then the candidate's code, then the question's test code; the function to call is
  // captured right after, so later reassignments of runCase or the entrypoint change nothing.
  const targetName = request.testCode ? "runCase" : request.entrypoint;
  let loadError: string | null = null;
  let target: QuickJSHandle | null = null;
  // The run's budgets, the ones a Python run is held to: its CPU seconds, and the batch's wall budget
  // (extended by waiting for a core, at most twice; past that the worker would be taken for hung).
  runBudget = startBudget({ wallMs: batchWallMs(limits, request.cases.length), cpuMs: limits.cpuSeconds * 1000 }, now(), read());
  onRunBudgetStart?.();
  armStep(perTest);
  for (const [source, file] of [
    [`${CANDIDATE_GLOBALS}\n${scripts.candidate}`, "solution.js"],
    [scripts.tests, "tests.js"],
  ] as const) {
    if (source === null || loadError) continue;
    if (file === "tests.js") {
      // Built-ins put back and the entrypoint wrapped before the test code is declared.
      const name = context.newString(request.entrypoint);
      const guarded = context.callFunction(guardEntrypoint!, context.undefined, name);
      name.dispose();
      if (guarded.error) {
        loadError = `could not load the code: ${describe(guarded.error)}`;
        guarded.error.dispose();
        continue;
      }
      guarded.value.dispose();
    }
    const loaded = context.evalCode(source, file);
    if (loaded.error) {
      loadError = `could not load the code: ${withImportHint(describe(loaded.error))}`;
      loaded.error.dispose();
    } else loaded.value.dispose();
  }
  if (!loadError) {
    target = context.getProp(context.global, targetName);
    if (context.typeof(target) !== "function") {
      loadError = `could not load the code: ${targetName} is not defined as a function`;
      target.dispose();
      target = null;
    }
  }

  const outcomes: CaseOutcome[] = [];
  let status: BatchResult["status"] = "ok";
  for (const testCase of request.cases) {
    out = "";
    err = "";
    if (loadError) {
      outcomes.push({ ok: false, error: loadError, stdout: "", stderr: "", ms: 0 });
      continue;
    }
    armStep(perTest);
    if (over === "run") {
      // The run's time is spent: the tests it never reached say so, as Python's do when its sandbox is killed.
      runCut = true;
      outcomes.push({ ok: false, error: RUN_STOPPED_MESSAGE, stdout: "", stderr: "", ms: 0 });
      continue;
    }
    const caseStart = performance.now();
    const outcome = runCase(
      runtime,
      context,
      { invoke, serialise, returnLimit, target: target! },
      JSON.stringify(testCase.args),
      timeUp,
      describe,
    );
    if (outputExceeded) status = "output-limit";
    else if (runCut) status = "timeout";
    outcomes.push({ ...outcome, stdout: out, stderr: err, ms: Math.round((performance.now() - caseStart) * 100) / 100 });
  }
  for (const handle of [invoke, serialise, guardEntrypoint, returnLimit, target]) handle?.dispose();
  // Without root this fails and the worker stays lowered: then every worker ends up equal, below the server.
  if (lowered) setOwnThreadPriority(0);
  const budgetSpent = status === "timeout" ? (runSpent ?? "wall") : undefined;
  return {
    status,
    ...(budgetSpent ? { budgetSpent } : {}),
    outcomes,
    processOutput: "",
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
}

type HarnessHandles = { invoke: QuickJSHandle; serialise: QuickJSHandle; returnLimit: QuickJSHandle; target: QuickJSHandle };

/** Call the target once; if it returns a promise, run jobs until it settles or time runs out; read the value strictly. */
function runCase(
  runtime: QuickJSRuntime,
  context: QuickJSContext,
  harness: HarnessHandles,
  argsJson: string,
  timeUp: () => string | null,
  describe: (h: QuickJSHandle) => string,
): Pick<CaseOutcome, "ok" | "value" | "error"> {
  const args = context.newString(argsJson);
  const result = context.callFunction(harness.invoke, context.undefined, harness.target, args);
  args.dispose();
  if (result.error) {
    const error = describe(result.error);
    result.error.dispose();
    return { ok: false, error };
  }
  const handle = result.value;
  try {
    let state = context.getPromiseState(handle);
    while (state.type === "pending") {
      const limit = timeUp();
      if (limit) return { ok: false, error: limit };
      if (!runtime.hasPendingJob()) return { ok: false, error: "the returned promise never settled" };
      const jobs = runtime.executePendingJobs(256);
      if (jobs.error) {
        const error = describe(jobs.error);
        jobs.error.dispose();
        return { ok: false, error };
      }
      state = context.getPromiseState(handle);
    }
    if (state.type === "rejected") {
      const error = describe(state.error);
      state.error.dispose();
      return { ok: false, error };
    }
    const text = context.callFunction(harness.serialise, context.undefined, state.value, harness.returnLimit);
    if (state.value !== handle) state.value.dispose();
    if (text.error) {
      const error = describe(text.error);
      text.error.dispose();
      return { ok: false, error };
    }
    const json = context.getString(text.value);
    text.value.dispose();
    return { ok: true, value: JSON.parse(json) };
  } finally {
    handle.dispose();
  }
}

/**
 * An import compiles to require(), which the sandbox does not have: "'require' is not defined" alone reads like a
 * bug in the candidate's code rather than a rule of the sandbox, so say the rule.
 */
function withImportHint(message: string): string {
  return /\brequire\b.*\bnot defined\b/.test(message)
    ? `${message} (imports and require() are not available here: the code runs on its own, without Node modules such as fs, path or http)`
    : message;
}
