import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "../../server/store/index.js";

const dir = () => mkdtempSync(join(tmpdir(), "mi-lock-"));

describe("one server per DATA_DIR", () => {
  it("refuses a second owner with a message naming the holder, and frees the lock on release", () => {
    const dataDir = dir();
    const release = acquireDataDirLock(dataDir);
    const lock = JSON.parse(readFileSync(join(dataDir, "server.lock"), "utf8"));
    expect(lock.pid).toBe(process.pid);
    expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dataDir)).toThrow(new RegExp(`pid ${process.pid}.*DATA_DIR`));
    release();
    expect(existsSync(join(dataDir, "server.lock"))).toBe(false);
    acquireDataDirLock(dataDir)();
  });

  it("takes over a stale lock: its process is gone, or its pid now belongs to another process", () => {
    const dataDir = dir();
    // Above Linux's largest possible pid (2^22): no such process.
    const gone = 4_194_305;
    writeFileSync(join(dataDir, "server.lock"), JSON.stringify({ pid: gone, procStart: "1", startedAt: 0 }));
    acquireDataDirLock(dataDir)();
    // Our own (live) pid, but recorded with another start time: a reused pid, not the owner.
    writeFileSync(join(dataDir, "server.lock"), JSON.stringify({ pid: process.pid, procStart: "0", startedAt: 0 }));
    const release = acquireDataDirLock(dataDir);
    expect(JSON.parse(readFileSync(join(dataDir, "server.lock"), "utf8")).procStart).not.toBe("0");
    release();
    // A half-written lock file is stale too.
    writeFileSync(join(dataDir, "server.lock"), "{");
    acquireDataDirLock(dataDir)();
  });
});
