import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureClientBuilt } from "../../server/client-build.js";

/** A fresh production build of the client in a temp dir, as `npm start` would serve it. */
export async function buildClientForTest(): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), "mi-client-")), "dist");
  await ensureClientBuilt(outDir, () => {});
  return outDir;
}
