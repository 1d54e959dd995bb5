import { readFileSync } from "node:fs";
import type { Worker } from "node:worker_threads";

/**
 * The CPU time a worker thread has used, from the kernel's own count for that thread (Linux: /proc/self/task/<tid>/stat),
 * so a bound on "this task is too expensive" can be measured in the work done, not in wall time: on a loaded host a
 * thread gets a fraction of a core, and a wall bound gave up a 1.5 MB pack (1.2 s of CPU) after 30 s at load 39.
 *
 * Node 20 has no per-thread CPU clock (process.cpuUsage counts every thread), so the worker's bootstrap writes its
 * kernel thread id into a shared cell (bootstrap.mjs) and this reads the thread's utime + stime. Elsewhere (no /proc)
 * it answers null and callers fall back to wall time.
 */

/** The kernel's tick for utime/stime in /proc: USER_HZ, 100 on every Linux architecture Node supports. */
const TICKS_PER_SECOND = 100;
const osThreadCells = new WeakMap<Worker, Int32Array>();

/** The shared cell a worker's bootstrap writes its kernel thread id into (0 until it has). */
export function osThreadCell(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

export function rememberOsThread(worker: Worker, cell: Int32Array): void {
  osThreadCells.set(worker, cell);
}

/** Milliseconds of CPU `worker`'s thread has used (its loading included), 0 before it has started, or null where unknown. */
export function threadCpuMs(worker: Worker): number | null {
  const cell = osThreadCells.get(worker);
  if (!cell || process.platform !== "linux") return null;
  const tid = Atomics.load(cell, 0);
  if (tid === 0) return 0;
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces, hence the last ")"): state is the 3rd field, utime the
    // 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : null;
  } catch {
    // The thread has ended (its task is over anyway), or /proc is not mounted.
    return null;
  }
}
