import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** What the client build is made from: its sources, the shared contract, the Vite config. */
const SOURCES = [join(ROOT, "client"), join(ROOT, "server/contracts"), join(ROOT, "vite.config.ts")];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== "dist" && name !== "node_modules")
    .reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/**
 * `npm start`: build the client when there is no build yet, or when its sources
 * changed since (after a git pull, say), so the page never lags the server.
 */
export async function ensureClientBuilt(clientDist: string, log: (msg: string) => void): Promise<void> {
  const index = join(clientDist, "index.html");
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built > 0 && Math.max(...SOURCES.map(newestMtime)) <= built) return;
  log(
    built
      ? "client sources changed since the last build; rebuilding the client…"
      : `client not built yet; building it into ${clientDist} (once)…`,
  );
  const { build } = await import("vite");
  await build({
    configFile: join(ROOT, "vite.config.ts"),
    root: join(ROOT, "client"),
    build: { outDir: clientDist, emptyOutDir: true },
    logLevel: "warn",
  });
}
