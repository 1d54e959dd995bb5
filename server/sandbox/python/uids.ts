import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Host uids the Python sandboxes run as (when the server is root). */
export const SANDBOX_UID_FIRST = 200_000;
export const SANDBOX_UID_COUNT = 10_000;
/** A lock younger than this is never taken over, even if its owner looks dead (it may be mid-write). */
const STALE_AFTER_MS = 10_000;

function lockDir(): string {
  for (const dir of ["/run/mock-interview-sandbox/uids", join(tmpdir(), "mock-interview-sandbox-uids")]) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      return dir;
    } catch {
      // not writable here; try the next place
    }
  }
  throw new Error("no writable directory for sandbox uid locks");
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Every allocator in this process, so one exit hook can free their locks. */
const live = new Set<{ releaseAll(): void }>();
let exitHookInstalled = false;
function freeOnExit(allocator: { releaseAll(): void }): void {
  live.add(allocator);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const a of live) a.releaseAll();
  });
}

/**
 * Each running sandbox gets a host uid no other sandbox holds, across every
 * server process on the machine: a uid is taken by creating its lock file
 * exclusively (O_EXCL), and freed by removing it. A server that died leaves its
 * locks behind; they are taken over once their owner pid is gone. The uid is what
 * RLIMIT_NPROC counts, so sharing one would let a run's threads use up another
 * run's budget (the isolation itself does not depend on it: separate pid, mount
 * and network namespaces, no /proc, no ptrace).
 */
export function createUidAllocator(options: { first?: number; count?: number; dir?: string } = {}) {
  const first = options.first ?? SANDBOX_UID_FIRST;
  const count = options.count ?? SANDBOX_UID_COUNT;
  const dir = options.dir ?? lockDir();
  // Start somewhere random so concurrent servers rarely probe the same uids.
  let cursor = Math.floor(Math.random() * count);
  const held = new Set<number>();

  const tryTake = (uid: number): boolean => {
    const path = join(dir, String(uid));
    try {
      const fd = openSync(path, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    try {
      const owner = Number(readFileSync(path, "utf8"));
      const old = Date.now() - statSync(path).mtimeMs > STALE_AFTER_MS;
      if (old && owner > 0 && owner !== process.pid && !alive(owner)) {
        unlinkSync(path);
        return tryTake(uid);
      }
    } catch {
      // removed meanwhile, or unreadable: try another uid
    }
    return false;
  };

  const allocator = {
    take(): number {
      for (let tries = 0; tries < count; tries++) {
        const uid = first + (cursor++ % count);
        if (!held.has(uid) && tryTake(uid)) {
          held.add(uid);
          return uid;
        }
      }
      throw new Error(`all ${count} sandbox uids are in use`);
    },
    release(uid: number): void {
      if (!held.delete(uid)) return;
      try {
        unlinkSync(join(dir, String(uid)));
      } catch {
        // already gone
      }
    },
    releaseAll(): void {
      for (const uid of [...held]) allocator.release(uid);
    },
  };
  freeOnExit(allocator);
  return allocator;
}
export type UidAllocator = ReturnType<typeof createUidAllocator>;
