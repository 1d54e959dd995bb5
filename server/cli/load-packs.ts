import { loadPacksAt, PackValidationError, type LocatedPack } from "../scenarios/index.js";

/**
 * Load the packs a CLI command was pointed at, or say in one line what is
 * wrong (a broken pack names `validate`; a missing path says so) and give the
 * exit code. Every command that reads packs goes through here.
 */
export function loadPacksForCli(target: string): { packs: LocatedPack[] } | { exitCode: number } {
  try {
    return { packs: loadPacksAt(target) };
  } catch (err) {
    if (err instanceof PackValidationError) {
      console.error(`${err.message}\n\nfix the pack first (npm run -s cli -- validate ${target})`);
      return { exitCode: 1 };
    }
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      console.error(`no such file or directory: ${target}`);
      return { exitCode: 1 };
    }
    throw err;
  }
}
