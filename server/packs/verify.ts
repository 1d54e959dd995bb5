import { constantExpectationWarning, stubPassesWarning, stubProbes, type Sandbox } from "../sandbox/index.js";
import { describeValues, instantiateQuestion, variantValues, variantsToCheck, withValues, type Language, type LocatedPack, type PackIssue, type Question } from "../scenarios/index.js";

/** Variants per question whose reference solutions run (all of them when the space is this small). */
export const VARIANTS_RUN = 24;

export type Verification = { issues: PackIssue[]; warnings: string[] };

/** The default variant first, then every variant (or a fixed sample) of the question's space. */
function variantsOf(q: Question): { question: Question; label: string }[] {
  if (!q.variables) return [{ question: q, label: "" }];
  const seen = new Set<string>();
  return [instantiateQuestion(q, null), ...variantsToCheck(q.variables, VARIANTS_RUN).map((values) => withValues(q, values))]
    .map((question) => ({ question, key: JSON.stringify(question.coding?.tests) }))
    .filter(({ key }) => (seen.has(key) ? false : (seen.add(key), true)))
    .map(({ question }, n) => ({ question, label: n === 0 ? " in the default variant" : ` in variant ${n + 1}` }));
}

/**
 * What a schema cannot check: every coding question's reference solution,
 * run in the sandbox against all of its own tests (in every variant), must pass
 * them all. A language this machine cannot run is a warning, not a pass. Test
 * code whose verdict candidate code could fake is a warning too.
 */
export async function verifyReferenceSolutions({ pack, locate }: LocatedPack, sandbox: Sandbox): Promise<Verification> {
  const issues: PackIssue[] = [];
  const warnings: string[] = [];
  const failed = new Set<string>();
  const warned = new Set<string>();
  const jobs = pack.questions.flatMap((raw, i) =>
    (raw.coding ? variantsOf(raw) : []).flatMap(({ question: q, label }) =>
      Object.entries(q.coding?.referenceSolution ?? {}).map(([language, code]) => ({ q, i, label, language: language as Language, code: code! })),
    ),
  );
  // Forgeability is judged on the default variant: the test code is the same in every variant.
  const defaults = pack.questions.filter((q) => q.coding).map((q) => (q.variables ? instantiateQuestion(q, null) : q));
  for (const q of defaults) {
    const warning = constantExpectationWarning(q);
    if (warning) warnings.push(warning);
  }
  const probes = defaults.flatMap((q) => (constantExpectationWarning(q) ? [] : stubProbes(q).map((p) => ({ q, ...p }))));
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
  // turn per-test time limits into false failures. The stub runs share the batches.
  const referenceWork = jobs.map((job) => () => verifyOne(job));
  await inBatches([...referenceWork, ...probeWork], VERIFY_CONCURRENCY, (work) => work());
  return { issues, warnings };

  async function verifyOne({ q, i, label, language, code }: (typeof jobs)[number]): Promise<void> {
    const capability = sandbox.capabilities[language];
    if (!capability.available) {
      if (!warned.has(`${q.id}/${language}`)) warnings.push(`question "${q.id}": the ${language} reference solution was not run (${capability.reason})`);
      warned.add(`${q.id}/${language}`);
      return;
    }
    // One failing variant is enough to report; the rest of that language's variants would repeat it.
    if (failed.has(`${q.id}/${language}`)) return;
    const report = await sandbox.runTests(q, language, code, "all");
    if (report.passed === report.total) return;
    failed.add(`${q.id}/${language}`);
    const failing = report.results.filter((r) => !r.passed);
    const first = failing[0];
    const why = first && first.visible ? (first.error ?? `expected ${JSON.stringify(first.expected)}, got ${JSON.stringify(first.actual)}`) : "";
    issues.push({
      ...locate(["questions", i, "coding", "referenceSolution", language]),
      message: `the ${language} reference solution fails ${failing.length} of its ${report.total} tests${label}${label && values(q) ? ` (${values(q)})` : ""}: ${failing.map((r) => `"${r.name}"`).join(", ")}${why ? ` (first: ${why.slice(0, 300)})` : ""}`,
    });
  }
}

const VERIFY_CONCURRENCY = 2;

const values = (q: Question) => {
  const v = variantValues(q);
  return v ? describeValues(v) : "";
};

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: Math.min(size, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}
