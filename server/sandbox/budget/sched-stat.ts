import { readdirSync, readFileSync } from "node:fs";

/**
 * What the kernel says a task (thread) did: CPU time it ran, and time it was runnable but
 * waited for a core (`/proc/<pid>/task/<tid>/schedstat`: run ns, run-queue wait ns, slices).
 * Sleeping (in `time.sleep`, on a pipe) counts in neither.
 */
export type SchedSample = { cpuMs: number; waitMs: number };
/** Reads the current sample for a run, or null when the kernel does not say (no schedstat). */
export type SchedReader = () => SchedSample | null;

const NS_PER_MS = 1e6;

/** Parses one schedstat line ("<run ns> <wait ns> <slices>"). */
export function parseSchedStat(text: string): SchedSample | null {
  const [run, wait] = text.trim().split(/\s+/).map(Number);
  if (run === undefined || wait === undefined || !Number.isFinite(run) || !Number.isFinite(wait)) return null;
  return { cpuMs: run / NS_PER_MS, waitMs: wait / NS_PER_MS };
}

function readSample(path: string): SchedSample | null {
  try {
    return parseSchedStat(readFileSync(path, "utf8"));
  } catch {
    return null; // gone meanwhile, or no schedstat in this kernel
  }
}

/** The calling thread (a worker thread running QuickJS: its own task, not the whole server's). */
export const readThreadSchedStat: SchedReader = () => readSample("/proc/thread-self/schedstat");

function tasksOf(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
}

function childrenOf(pid: number, tid: string): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * A sandboxed process tree (bwrap, its init, python3 and the candidate's threads): CPU summed
 * over every thread, wait the most any one thread waited. The maximum, not the sum: threads
 * the candidate starts compete with each other for the cores, and a run must not buy itself
 * more wall time by starting more of them (the ceiling bounds it anyway).
 */
export function treeSchedReader(root: number): SchedReader {
  return () => {
    let cpuMs = 0;
    let waitMs = 0;
    let seen = 0;
    const visited = new Set<number>();
    const stack = [root];
    while (stack.length > 0) {
      const pid = stack.pop()!;
      if (visited.has(pid)) continue;
      visited.add(pid);
      for (const tid of tasksOf(pid)) {
        const sample = readSample(`/proc/${pid}/task/${tid}/schedstat`);
        if (sample) {
          seen += 1;
          cpuMs += sample.cpuMs;
          waitMs = Math.max(waitMs, sample.waitMs);
        }
        stack.push(...childrenOf(pid, tid));
      }
    }
    return seen > 0 ? { cpuMs, waitMs } : null;
  };
}
