import { existsSync } from "node:fs";
import { formatIssue, loadPacksAt, PackValidationError, type LocatedPack } from "../scenarios/index.js";
import { CliError, type Cli } from "./context.js";

/** A pack id as the server knows it (a slug), as opposed to a path. */
const LOOKS_LIKE_ID = /^[a-z0-9][a-z0-9._-]*$/i;

/**
 * The packs a command was pointed at: a pack file, a pack folder, a questions
 * file or a folder of packs, or the id of a built-in pack (PACKS_DIR). Every
 * command that takes a pack goes through here; a problem is one CliError line.
 */
export function loadPacksForCli(target: string, cli: Cli): LocatedPack[] {
  const path = cli.path(target);
  if (!existsSync(path)) return [builtinPack(target, cli)];
  try {
    return someFound(loadPacksAt(path, cli.cwd), target);
  } catch (err) {
    if (err instanceof PackValidationError) {
      const n = err.issues.length;
      const more = n > 1 ? ` (and ${n - 1} more)` : "";
      throw new CliError(`${formatIssue(err.issues[0]!)}${more}; fix the pack first (every problem: npm run -s cli -- validate ${target})`);
    }
    throw err;
  }
}

/** A folder with no pack in it is a mistake to say, not an empty success. */
export function someFound(packs: LocatedPack[], target: string): LocatedPack[] {
  if (packs.length) return packs;
  throw new CliError(
    `no pack found in ${target}; give a pack.yaml, a folder holding one (<dir>/pack.yaml or <dir>/<name>/pack.yaml), or a built-in pack id`,
  );
}

function builtinPack(target: string, cli: Cli): LocatedPack {
  const { packsDir } = cli.config();
  const hint = "give a pack file or folder, or the id of a built-in pack";
  let builtin: LocatedPack[];
  try {
    builtin = existsSync(packsDir) ? loadPacksAt(packsDir, cli.cwd) : [];
  } catch (err) {
    if (!(err instanceof PackValidationError)) throw err;
    throw new CliError(`no file or folder "${target}", and the built-in packs in ${packsDir} do not load; ${hint}`);
  }
  const found = LOOKS_LIKE_ID.test(target) ? builtin.find((l) => l.pack.id === target) : undefined;
  if (found) return found;
  const ids = builtin.map((l) => l.pack.id).join(", ") || `none in ${packsDir}`;
  throw new CliError(`no file, folder or built-in pack "${target}" (built-in packs: ${ids}); ${hint}`);
}

/** Split `<pack>#<question-id>`, the way grade and run-code name one question. */
export function packAndQuestion(value: string | undefined): { pack: string; questionId: string } | null {
  const at = value?.lastIndexOf("#") ?? -1;
  if (!value || at <= 0 || at === value.length - 1) return null;
  return { pack: value.slice(0, at), questionId: value.slice(at + 1) };
}
