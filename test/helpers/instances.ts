import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * A stand-in client build: an index.html newer than every client source, so
 * `npm start`'s entry point serves it instead of building the client (a minute
 * of Vite per process). The API and the socket are what these processes are for.
 */
let stubClient: string | null = null;
function stubClientDist(): string {
  if (stubClient) return stubClient;
  stubClient = mkdtempSync(join(tmpdir(), "mi-stub-client-"));
  writeFileSync(join(stubClient, "index.html"), "<!doctype html><title>stub</title>");
  return stubClient;
}

export type Instance = {
  name: string;
  child: ChildProcess;
  port: number;
  url: string;
  /** The last lines it wrote (stdout and stderr), for a failing test's message. */
  tail(): string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<string>;
  kill(signal: NodeJS.Signals): Promise<string>;
};

/**
 * The real server entry point (server/index.ts) in a process of its own, on a
 * free port, configured only through the environment as an operator would.
 * Resolves once it prints that it is ready.
 */
export async function spawnInstance(name: string, env: Record<string, string>, timeoutMs = 90_000): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", CLIENT_DIST: stubClientDist(), LOG_LEVEL: "info", INSTANCE_ID: name, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > 80) lines.shift();
  };
  const exited = new Promise<string>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? String(code))));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Never leave a half-started server behind: the caller has no handle on it yet.
      child.kill("SIGKILL");
      reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${lines.join("\n")}`));
    }, timeoutMs);
    let buffered = "";
    // Always drained: a full pipe would block the server on its next log line.
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk;
      let at;
      while ((at = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, at);
        buffered = buffered.slice(at + 1);
        keep(line);
        // The line `npm start` prints for people, whatever LOG_LEVEL says.
        const ready = /Mock interviews ready: http:\/\/[^:]+:(\d+)/.exec(line);
        if (ready) {
          clearTimeout(timer);
          resolve(Number(ready[1]));
        }
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => String(chunk).split("\n").filter(Boolean).forEach(keep));
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${how}) before listening:\n${lines.join("\n")}`));
    });
  });
  return {
    name,
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    tail: () => lines.join("\n"),
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
