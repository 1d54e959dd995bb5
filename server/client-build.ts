import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** `npm start` on a fresh clone: build the client once if it is not there yet. */
export async function ensureClientBuilt(clientDist: string, log: (msg: string) => void): Promise<void> {
  if (existsSync(join(clientDist, "index.html"))) return;
  log(`client not built yet; building it into ${clientDist} (once)…`);
  const { build } = await import("vite");
  await build({ configFile: join(ROOT, "vite.config.ts"), root: join(ROOT, "client"), build: { outDir: clientDist, emptyOutDir: true }, logLevel: "warn" });
}
