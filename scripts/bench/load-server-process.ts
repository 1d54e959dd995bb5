// Starts scripts/bench/load-server.ts in its own process and hands back its address and CPU meter.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

export type LoadServer = {
  url: string;
  databaseFile: string;
  /** CPU time (user + system) the server process used so far, in ms (Linux /proc; 0 elsewhere). */
  cpuMs(): number;
  /** The same for its main thread alone (the event loop every ack waits for). */
  mainThreadCpuMs(): number;
  stop(): Promise<void>;
};

export async function startLoadServer(): Promise<LoadServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/load-server.ts"], { stdio: ["ignore", "pipe", "inherit"] });
  const line = await new Promise<string>((resolve, reject) => {
    let buf = "";
    child.stdout!.on("data", (d) => {
      buf += d;
      if (buf.includes("\n")) resolve(buf.split("\n")[0]!);
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code})`)));
  });
  const { port, databaseFile } = JSON.parse(line) as { port: number; databaseFile: string };
  return {
    url: `http://127.0.0.1:${port}`,
    databaseFile,
    cpuMs: () => cpuOf(`/proc/${child.pid}/stat`),
    mainThreadCpuMs: () => cpuOf(`/proc/${child.pid}/task/${child.pid}/stat`),
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** utime + stime of a /proc stat file, in ms (clock ticks of 10 ms). */
function cpuOf(path: string): number {
  try {
    const fields = readFileSync(path, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}
