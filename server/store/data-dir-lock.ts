import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";

/** Who holds a DATA_DIR: a process id and that process's start, so a reused pid is not mistaken for the owner. */
type LockOwner = { pid: number; procStart: string | null; startedAt: number };

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

/** A process's start time in clock ticks since boot (Linux), which a reused pid does not share. */
export function procStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at ") "; starttime is field 22.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

/** Is the process that wrote `owner` still running (not gone, and its pid not reused by another process)? */
export function alive(owner: Pick<LockOwner, "pid" | "procStart">): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const now = procStartOf(owner.pid);
  return owner.procStart === null || now === null || now === owner.procStart;
}

/**
 * One server per DATA_DIR: two would both fire the same round timers and
 * emit every event twice. The lock file holds the owner's pid and start; a
 * lock whose process is gone (or whose pid now belongs to another process)
 * is stale and taken over. Returns a release function.
 */
export function acquireDataDirLock(dataDir: string, options: { now?: () => number } = {}): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "server.lock");
  const me: LockOwner = { pid: process.pid, procStart: procStartOf(process.pid), startedAt: (options.now ?? Date.now)() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const holder = JSON.parse(readFileSync(file, "utf8")) as LockOwner;
          if (holder.pid === me.pid && holder.startedAt === me.startedAt) unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    let holder: LockOwner | null;
    try {
      holder = JSON.parse(readFileSync(file, "utf8")) as LockOwner;
    } catch {
      holder = null; // unreadable or half-written: treat as stale
    }
    if (holder && alive(holder)) {
      throw new DataDirLockedError(
        `Another server (pid ${holder.pid}, started ${new Date(holder.startedAt).toISOString()}) is using DATA_DIR ${dataDir}. ` +
          `Stop it first, or give this one another DATA_DIR. (If that process is really gone, delete ${file}.)`,
      );
    }
    unlinkSync(file);
  }
  throw new DataDirLockedError(`could not take the lock ${file}; another server may be starting on DATA_DIR ${dataDir}`);
}
