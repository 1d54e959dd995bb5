import { readdirSync, readFileSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * A run that has used the CPU for a while drops to a lower priority (nice 10),
 * so short runs of other candidates get the cores first: the kernel keeps
 * time-slicing, but a candidate looping heavy code no longer slows everyone else
 * down by as much as it takes. (Classic Unix scheduling: long CPU use decays
 * priority.) Runs are fresh processes or reset workers, so nothing stays lowered.
 */
export const DEPRIORITISE_AFTER_MS = 150;
export const LOW_PRIORITY = 10;

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** Lower every thread of a process tree (Linux nice values are per thread). */
export function deprioritiseTree(root: number): void {
  const seen = new Set<number>();
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // gone already
    }
    for (const tid of tids) {
      try {
        setPriority(Number(tid), LOW_PRIORITY);
      } catch {
        // exited meanwhile, or not ours to change
      }
    }
    stack.push(...childrenOf(pid));
  }
}

/** Lower or restore the calling thread (a worker thread: on Linux, pid 0 is the calling thread). */
export function setOwnThreadPriority(priority: number): boolean {
  try {
    setPriority(0, priority);
    return true;
  } catch {
    return false; // raising priority back needs privileges when not root
  }
}
