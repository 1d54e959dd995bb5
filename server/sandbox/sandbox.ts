import type { Logger } from "pino";
import type { Language, Question } from "../scenarios/index.js";
import { detectCapabilities, type Capabilities } from "./capabilities.js";
import { WALL_CEILING_FACTOR } from "./budget/index.js";
import { batchWallMs, SandboxLimitsSchema, type SandboxLimitsInput } from "./limits.js";
import type { PythonSandboxPaths } from "./python/command.js";
import { createPythonRunner } from "./python/runner.js";
import { waitUntil, type HiddenHold } from "./hidden-hold.js";
import { LanguageUnavailableError, runQuestionTests, type RunContext, type TestReport } from "./run-tests.js";
import { createTypeScriptRunner } from "./typescript/runner.js";
import type { LanguageRunner } from "./types.js";

export type SandboxOptions = {
  /** Missing limits take their defaults (see limits.ts). */
  limits: SandboxLimitsInput;
  pythonPool: number;
  /** Worker threads running QuickJS; by default twice the cores (2..8). */
  typescriptWorkers?: number | undefined;
  logger?: Logger;
  /** Where python3, bwrap, prlimit and setpriv live (Debian's paths by default). */
  paths?: PythonSandboxPaths;
  /** How a held hidden batch waits for its deadline (a `performance.now()` time); a real timer when absent. Tests inject one. */
  holdUntil?: (deadline: number) => Promise<void>;
};

/** Runs candidate code against a question's tests, in whichever languages this machine can confine. */
export function createSandbox(options: SandboxOptions) {
  const capabilities: Capabilities = detectCapabilities(options.paths);
  const limits = SandboxLimitsSchema.parse(options.limits);
  const runners: Partial<Record<Language, LanguageRunner>> = {};
  if (capabilities.python.available) {
    runners.python = createPythonRunner({ limits, poolSize: options.pythonPool, ...(options.paths ? { paths: options.paths } : {}) });
  } else options.logger?.warn({ reason: capabilities.python.reason }, "Python code will not run");
  runners.typescript = createTypeScriptRunner({ limits, ...(options.typescriptWorkers ? { workers: options.typescriptWorkers } : {}) });

  /** Grading's runs pass this as their RunContext's `hold`: the hidden batch released at its budget, this sandbox's. */
  const hiddenHold: HiddenHold = {
    budgetMs: (cases) => batchWallMs(limits, cases),
    ceilingFactor: WALL_CEILING_FACTOR,
    until: options.holdUntil ?? waitUntil,
  };

  const runnerFor = (language: Language): LanguageRunner => {
    const capability = capabilities[language];
    if (!capability.available) throw new LanguageUnavailableError(capability.reason);
    return runners[language]!;
  };
  return {
    capabilities,
    limits,
    hiddenHold,
    runTests: (question: Question, language: Language, code: string, scope: "visible" | "all", run: RunContext = {}): Promise<TestReport> =>
      runQuestionTests(runnerFor(language), question, language, code, scope, run),
    /** Per language: slots running candidate code and runs waiting for one. */
    queueStats(): Partial<Record<Language, { busy: number; waiting: number; slots: number }>> {
      return Object.fromEntries(
        Object.entries(runners).flatMap(([language, r]) => (r.queueStats ? [[language, r.queueStats()]] : [])),
      ) as Partial<Record<Language, { busy: number; waiting: number; slots: number }>>;
    },
    /** Resolves when every pre-started sandbox and worker is ready (benchmarks wait for this). */
    async ready() {
      await Promise.all(Object.values(runners).map((r) => r.ready?.()));
    },
    async close() {
      await Promise.all(Object.values(runners).map((r) => r.close()));
    },
  };
}
export type Sandbox = ReturnType<typeof createSandbox>;
