import { ServiceError } from "../contracts/index.js";
import {
  constantExpectationWarning,
  RunCancelledError,
  stubPassesWarning,
  stubProbes,
  VALIDATION_BUDGET_MS,
  type Sandbox,
} from "../sandbox/index.js";
import {
  describeValues,
  instantiateQuestion,
  variantValues,
  variantsToCheck,
  withValues,
  type Language,
  type LocatedPack,
  type PackIssue,
  type Question,
} from "../scenarios/index.js";

/** Variants per question whose reference solutions run (all of them when the space is this small). */
export const VARIANTS_RUN = 24;

/**
 * One question holding the tests of the default variant and every checked
 * variant (identical cases once), so a reference solution meets them all in a
 * single sandbox run per language instead of one run per variant.
 */
function withAllVariants(q: Question): { question: Question; variantOf: Map<string, string> } {
  const variantOf = new Map<string, string>();
  if (!q.variables || !q.coding) return { question: q, variantOf };
  const seen = new Set<string>();
  const tests = [
    instantiateQuestion(q, null),
    ...variantsToCheck(q.variables, VARIANTS_RUN).map((values) => withValues(q, values)),
  ].flatMap((variant, n) =>
    variant.coding!.tests.flatMap((t) => {
      const key = JSON.stringify([t.args, t.expected, t.compare, t.tolerance]);
      if (seen.has(key)) return [];
      seen.add(key);
      const name = n === 0 ? t.name : `${t.name} [variant ${n + 1}]`;
      const values = variantValues(variant);
      variantOf.set(name, n === 0 ? "the default variant" : `variant ${n + 1}${values ? ` (${describeValues(values)})` : ""}`);
      return [{ ...t, name }];
    }),
  );
  return { question: { ...q, coding: { ...q.coding, tests } }, variantOf };
}

export type Verification = { issues: PackIssue[]; warnings: string[] };

export type VerifyOptions = {
  /** The team validating: its runs share one background slice of the pool (see scheduling/shares.ts). */
  team?: string | undefined;
  /** Clock for the validation's time budget (injected in tests). */
  now?: () => number;
  budgetMs?: number;
  /**
   * Aborted when nobody waits for the answer any more (the request's connection closed): no further reference
   * solution or stub starts, runs still queued leave the line, runs in progress are stopped, and the validation
   * rejects with RUN_CANCELLED once none of its runs is left.
   */
  signal?: AbortSignal | undefined;
};

let validations = 0;

/**
 * What a schema cannot check: every coding question's reference solution,
 * run in the sandbox against all of its own tests, must pass them all, in
 * every variant (or a fixed sample of a large variant space).
 * A language this machine cannot run is a warning, not a pass.
 */
export async function verifyReferenceSolutions(
  { pack, locate }: LocatedPack,
  sandbox: Sandbox,
  options: VerifyOptions = {},
): Promise<Verification> {
  const issues: PackIssue[] = [];
  const warnings: string[] = [];
  const now = options.now ?? Date.now;
  const budgetMs = options.budgetMs ?? VALIDATION_BUDGET_MS;
  const deadline = now() + budgetMs;
  // Background work: after candidates' runs, in a small slice of the pool shared by every validation.
  // Without a team (the CLI) no candidate shares the sandbox: runs keep the pool to themselves.
  const signal = options.signal;
  const run = {
    ...(options.team === undefined ? {} : { owner: `validation:${++validations}`, group: `team:${options.team}`, background: true }),
    signal,
  };
  /** A run the abort took out of the line or stopped: its result is nobody's. */
  const unlessCancelled = async <T>(work: () => Promise<T>): Promise<T | null> => {
    try {
      return await work();
    } catch (err) {
      if (err instanceof RunCancelledError && signal?.aborted) return null;
      throw err;
    }
  };
  /** Reference solutions the budget left unrun, in pack order. */
  const unrun: { q: Question; i: number; language: Language }[] = [];
  let probesSkipped = 0;
  const jobs = pack.questions.flatMap((raw, i) => {
    if (!raw.coding) return [];
    const { question: q, variantOf } = withAllVariants(raw);
    return Object.entries(q.coding?.referenceSolution ?? {}).map(([language, code]) => ({
      q,
      i,
      variantOf,
      language: language as Language,
      code: code!,
    }));
  });
  // Forgeability is judged on the default variant: the test code is the same in every variant.
  const defaults = pack.questions.filter((q) => q.coding).map((q) => (q.variables ? instantiateQuestion(q, null) : q));
  // A question whose tests expect constants is reported once, and its stub probes are not run (they would only repeat it).
  const probes = defaults.flatMap((q) => {
    const warning = constantExpectationWarning(q);
    if (warning) {
      warnings.push(warning);
      return [];
    }
    return stubProbes(q).map((p) => ({ q, ...p }));
  });
  const probeWork = probes
    .filter((p) => sandbox.capabilities[p.language].available)
    .map(({ q, language, code }) => async () => {
      // Usually the stub fails a visible test, and the hidden ones need not run.
      if (signal?.aborted) return;
      if (now() >= deadline) {
        probesSkipped++;
        return;
      }
      const visible = await unlessCancelled(() => sandbox.runTests(q, language, code, "visible", run));
      if (!visible || signal?.aborted || visible.passed !== visible.total) return;
      const all = await unlessCancelled(() => sandbox.runTests(q, language, code, "all", run));
      const warning = all && !signal?.aborted ? stubPassesWarning(q, language, all) : null;
      if (warning) warnings.push(warning);
    });
  // A couple at a time: dozens of sandboxes at once on a small machine would
  // turn per-test time limits into false failures. The stub runs share the batches.
  const referenceWork = jobs.map((job) => () => verifyOne(job));
  await inBatches([...referenceWork, ...probeWork], VERIFY_CONCURRENCY, (work) => work());
  if (signal?.aborted)
    throw new ServiceError("RUN_CANCELLED", "the pack's validation was stopped: the request's connection closed, so nobody would read it");
  const first = unrun.sort((a, b) => a.i - b.i)[0];
  if (first) {
    const ids = [...new Set(unrun.map((u) => u.q.id))];
    issues.push({
      ...locate(["questions", first.i, "coding", "referenceSolution", first.language]),
      code: "verification-time-exceeded",
      message: `question "${first.q.id}": its ${first.language} reference solution was not checked: this validation used its ${Math.round(budgetMs / 1000)} s budget for running code first (${ids.length} question${ids.length === 1 ? "" : "s"} unchecked: ${ids
        .slice(0, 10)
        .map((id) => `"${id}"`)
        .join(", ")}${ids.length > 10 ? ", …" : ""}). Fix the slow or looping reference solutions reported here, or split the pack.`,
    });
  }
  if (probesSkipped)
    warnings.push(
      `${probesSkipped} stub check${probesSkipped === 1 ? " was" : "s were"} not run: the validation's time budget was used up`,
    );
  return { issues, warnings };

  async function verifyOne({ q, i, variantOf, language, code }: (typeof jobs)[number]): Promise<void> {
    const capability = sandbox.capabilities[language];
    if (!capability.available) {
      warnings.push(`question "${q.id}": the ${language} reference solution was not run (${capability.reason})`);
      return;
    }
    if (signal?.aborted) return;
    if (now() >= deadline) {
      unrun.push({ q, i, language });
      return;
    }
    const report = await unlessCancelled(() => sandbox.runTests(q, language, code, "all", run));
    if (!report || signal?.aborted || report.passed === report.total) return;
    const failing = report.results.filter((r) => !r.passed);
    const first = failing[0];
    const why =
      first && first.visible ? (first.error ?? `expected ${JSON.stringify(first.expected)}, got ${JSON.stringify(first.actual)}`) : "";
    issues.push({
      ...locate(["questions", i, "coding", "referenceSolution", language]),
      code: "reference-solution-fails",
      message: `the ${language} reference solution fails ${failing.length} of its ${report.total} tests${first && variantOf.get(first.name) ? ` (first failing in ${variantOf.get(first.name)})` : ""}: ${failing.map((r) => `"${r.name}"`).join(", ")}${why ? ` (first: ${why.slice(0, 300)})` : ""}`,
    });
  }
}

const VERIFY_CONCURRENCY = 2;

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(size, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}
