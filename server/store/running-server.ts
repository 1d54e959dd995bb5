import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { alive, procStartOf } from "./data-dir-lock.js";

/**
 * Where the server on a DATA_DIR listens, for the CLI's hints: with PORT=0,
 * or a CLI run with another env than the server's, HOST and PORT do not say
 * it. Written once the server listens, removed when it stops; a file left by
 * a process that is gone is ignored.
 */
const FILE = "server-url.json";

export function announceServerUrl(dataDir: string, url: string): () => void {
  const file = join(dataDir, FILE);
  writeFileSync(file, JSON.stringify({ pid: process.pid, procStart: procStartOf(process.pid), url }));
  return () => rmSync(file, { force: true });
}

/** The URL the server on this DATA_DIR printed, if one runs now. */
export function runningServerUrl(dataDir: string): string | null {
  try {
    const { pid, procStart, url } = JSON.parse(readFileSync(join(dataDir, FILE), "utf8")) as {
      pid?: unknown;
      procStart?: unknown;
      url?: unknown;
    };
    if (typeof pid !== "number" || typeof url !== "string" || !/^https?:\/\/\S{1,300}$/.test(url)) return null;
    // The same test as the DATA_DIR lock's: a pid now held by another process is not the server.
    return alive({ pid, procStart: typeof procStart === "string" ? procStart : null }) ? url : null;
  } catch {
    return null; // none written, unreadable, or its process is gone
  }
}
