import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureClientBuilt } from "../../server/client-build.js";

/** A fresh production build of the client in a temp dir, as `npm start` would serve it. */
export async function buildClientForTest(): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), "mi-client-")), "dist");
  // vitest sets NODE_ENV=test, which would bundle React's development build; test what ships.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await ensureClientBuilt(outDir, () => {});
  } finally {
    process.env.NODE_ENV = previous;
  }
  return outDir;
}
