import { z } from "zod";

/** Resource limits for one run of candidate code; defaults close to the known online judges. */
export const SandboxLimitsSchema = z.object({
  /** CPU seconds for the whole run (all tests). */
  cpuSeconds: z.number().positive().default(5),
  /** Wall-clock time per test. */
  perTestMs: z.number().int().positive().default(2000),
  memoryMb: z.number().int().positive().default(256),
  /** stdout/stderr kept per test (and for the process as a whole). */
  outputBytes: z
    .number()
    .int()
    .positive()
    .default(64 * 1024),
  /** Processes the sandboxed user may have at once (fork bombs stop here). */
  processes: z.number().int().positive().default(32),
  fileSizeMb: z.number().int().positive().default(16),
  /** Size of the Python sandbox's writable /tmp (a tmpfs, i.e. host RAM). */
  tmpfsMb: z.number().int().positive().default(32),
  /** Serialised size of one returned value (both languages). */
  returnBytes: z
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  openFiles: z.number().int().positive().default(64),
});
export type SandboxLimits = z.infer<typeof SandboxLimitsSchema>;
export type SandboxLimitsInput = z.input<typeof SandboxLimitsSchema>;
export const DEFAULT_LIMITS: SandboxLimits = SandboxLimitsSchema.parse({});

/** Wall-clock budget for a batch: every test's limit plus start-up, capped by the CPU budget's spirit. */
export function batchWallMs(limits: SandboxLimits, cases: number): number {
  return Math.min(limits.perTestMs * Math.max(1, cases) + 1500, limits.cpuSeconds * 1000 * 2 + 1500);
}

/** Time a TypeScript run allows each step of evaluating the sandbox's own harness prelude (before the run's budget starts). */
export const HARNESS_LOAD_MS = 10_000;

/**
 * What a test (or the loading of the code) stopped by its own time limit says: its CPU time, or its wall time (on a
 * starved host, up to its ceiling). Python's harness says the same words (harness.py).
 */
export const TEST_STOPPED_MESSAGE = "time limit exceeded for this test";

/** What a test the run never reached (or was cut short in) says, in both languages. */
export const RUN_STOPPED_MESSAGE = "time limit exceeded (the run was stopped)";
