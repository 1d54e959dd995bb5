// CPU seconds a set of processes used, from /proc (Linux): what a benchmark run cost each part of the system.
import { readFileSync } from "node:fs";

/** Clock ticks per second for /proc/<pid>/stat; 100 on every Linux this runs on. */
const TICKS = 100;

/** utime + stime of one process, in seconds; 0 once it is gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** A meter over some processes: cores used (CPU seconds per wall second) since it started. */
export function cpuMeter(pids: () => number[] | Promise<number[]>) {
  let startedAt = 0;
  let start = new Map<number, number>();
  const sample = async () => new Map((await pids()).map((pid) => [pid, cpuSecondsOf(pid)] as const));
  return {
    async start() {
      start = await sample();
      startedAt = performance.now();
    },
    /** Average cores used since start(); processes that appeared meanwhile count from 0. */
    async cores(): Promise<number> {
      const now = await sample();
      let used = 0;
      for (const [pid, seconds] of now) used += seconds - (start.get(pid) ?? 0);
      return used / ((performance.now() - startedAt) / 1000);
    },
  };
}
