import { constantExpectationWarning, stubPassesWarning, stubProbes, type Sandbox } from "../sandbox/index.js";
import type { Language, LocatedPack, PackIssue } from "../scenarios/index.js";

export type Verification = { issues: PackIssue[]; warnings: string[] };

/**
 * What a schema cannot check: every coding question's reference solution,
 * run in the sandbox against all of its own tests, must pass them all.
 * A language this machine cannot run is a warning, not a pass.
 */
export async function verifyReferenceSolutions({ pack, locate }: LocatedPack, sandbox: Sandbox): Promise<Verification> {
  const issues: PackIssue[] = [];
  const warnings: string[] = [];
  const jobs = pack.questions.flatMap((q, i) =>
    Object.entries(q.coding?.referenceSolution ?? {}).map(([language, code]) => ({ q, i, language: language as Language, code: code! })),
  );
  // Test code whose verdict candidate code could fake: a warning, not an error. The
  // stub runs share the reference runs' batches.
  for (const q of pack.questions) {
    const warning = constantExpectationWarning(q);
    if (warning) warnings.push(warning);
  }
  const probes = pack.questions.flatMap((q) => (constantExpectationWarning(q) ? [] : stubProbes(q).map((p) => ({ q, ...p }))));
  const probeWork = probes
    .filter((p) => sandbox.capabilities[p.language].available)
    .map(({ q, language, code }) => async () => {
      // Usually the stub fails a visible test, and the hidden ones need not run.
      const visible = await sandbox.runTests(q, language, code, "visible");
      if (visible.passed !== visible.total) return;
      const warning = stubPassesWarning(q, language, await sandbox.runTests(q, language, code, "all"));
      if (warning) warnings.push(warning);
    });
  // A couple at a time: dozens of sandboxes at once on a small machine would
  // turn per-test time limits into false failures.
  const referenceWork = jobs.map((job) => () => verifyOne(job));
  await inBatches([...referenceWork, ...probeWork], VERIFY_CONCURRENCY, (work) => work());
  return { issues, warnings };

  async function verifyOne({ q, i, language, code }: (typeof jobs)[number]): Promise<void> {
      const capability = sandbox.capabilities[language];
      if (!capability.available) {
        warnings.push(`question "${q.id}": the ${language} reference solution was not run (${capability.reason})`);
        return;
      }
      const report = await sandbox.runTests(q, language, code, "all");
      if (report.passed === report.total) return;
      const failing = report.results.filter((r) => !r.passed);
      const first = failing[0];
      const why = first && first.visible ? (first.error ?? `expected ${JSON.stringify(first.expected)}, got ${JSON.stringify(first.actual)}`) : "";
      issues.push({
        ...locate(["questions", i, "coding", "referenceSolution", language]),
        message: `the ${language} reference solution fails ${failing.length} of its ${report.total} tests: ${failing.map((r) => `"${r.name}"`).join(", ")}${why ? ` (first: ${why.slice(0, 300)})` : ""}`,
      });
  }
}

const VERIFY_CONCURRENCY = 2;

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: Math.min(size, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}
