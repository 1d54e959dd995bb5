import { readFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * Stop a sandbox without leaving zombies: kill the pid namespace's init (the
 * outer bwrap's child) so the kernel ends everything inside it and the outer
 * bwrap reaps it and exits; kill the outer one only if it lingers.
 */
export function killSandbox(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const inner = childrenOf(child.pid);
  if (inner.length === 0) {
    child.kill("SIGKILL");
    return;
  }
  for (const pid of inner) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  const fallback = setTimeout(() => child.kill("SIGKILL"), 500);
  fallback.unref();
  child.once("exit", () => clearTimeout(fallback));
}
