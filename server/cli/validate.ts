import { loadPacksAt, PackValidationError, roundQuestionIds, type Pack } from "../scenarios/index.js";

/** `validate <file-or-dir>`: exit 0 with a summary, or 1 with every issue located. */
export function validateCommand(args: string[]): number {
  const target = args[0];
  if (!target) {
    console.error("usage: npm run -s cli -- validate <pack.yaml | directory of packs>");
    return 2;
  }
  let packs: Pack[];
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
  for (const p of packs) {
    const byKind = p.rounds.map((r) => `${r.id} (${roundQuestionIds(p, r).length})`).join(", ");
    console.log(`✓ ${p.id} v${p.version}: ${p.questions.length} questions; rounds: ${byKind}`);
  }
  return 0;
}
