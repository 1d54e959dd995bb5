// Starts scripts/bench/load-server.ts in its own process and hands back its address and CPU meter.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

export type LoadServer = {
  url: string;
  databaseFile: string;
  /** CPU time (user + system) the server process used so far, in ms (Linux /proc; 0 elsewhere). */
  cpuMs(): number;
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
    cpuMs() {
      try {
        const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
      } catch {
        return 0;
      }
    },
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
