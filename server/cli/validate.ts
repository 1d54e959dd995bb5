import { verifyReferenceSolutions } from "../packs/index.js";
import { createSandbox, DEFAULT_LIMITS } from "../sandbox/index.js";
import { formatIssue, loadPacksAt, PackValidationError, roundQuestionIds, type LocatedPack } from "../scenarios/index.js";

const USAGE = "usage: npm run -s cli -- validate <pack.yaml | pack dir | questions file | dir of packs> [--no-run]";

/**
 * `validate <target>`: exit 0 with a summary, or 1 with every issue located.
 * Reference solutions run in the sandbox unless --no-run.
 */
export async function validateCommand(args: string[]): Promise<number> {
  const target = args.find((a) => !a.startsWith("--"));
  if (!target) {
    console.error(USAGE);
    return 2;
  }
  let packs: LocatedPack[];
  try {
    packs = loadPacksAt(target);
  } catch (err) {
    if (err instanceof PackValidationError) {
      console.error(err.message);
      console.error(`\n${err.issues.length} problem${err.issues.length === 1 ? "" : "s"} found.`);
      return 1;
    }
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      console.error(`no such file or directory: ${target}`);
      return 1;
    }
    throw err;
  }
  let failed = false;
  if (!args.includes("--no-run") && packs.some((p) => p.pack.questions.some((q) => q.coding))) {
    const sandbox = createSandbox({ limits: DEFAULT_LIMITS, pythonPool: 2, typescriptWorkers: 2 });
    try {
      for (const located of packs) {
        const { issues, warnings } = await verifyReferenceSolutions(located, sandbox);
        for (const w of warnings) console.warn(`warning: ${w}`);
        for (const issue of issues) console.error(formatIssue(issue));
        failed ||= issues.length > 0;
      }
    } finally {
      await sandbox.close();
    }
  }
  if (failed) return 1;
  for (const { pack: p } of packs) {
    const byKind = p.rounds.map((r) => `${r.id} (${roundQuestionIds(p, r).length})`).join(", ");
    const solutions = p.questions.reduce((n, q) => n + Object.keys(q.coding?.referenceSolution ?? {}).length, 0);
    console.log(
      `✓ ${p.id} v${p.version}: ${p.questions.length} questions; rounds: ${byKind}${solutions && !args.includes("--no-run") ? `; ${solutions} reference solutions pass their tests` : ""}`,
    );
  }
  return 0;
}
