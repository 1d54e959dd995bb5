import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createUidAllocator } from "../../server/sandbox/python/uids.js";

const dirs: string[] = [];
const lockDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "uid-locks-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("sandbox uid allocation", () => {
  it("never hands the same uid to two allocators sharing the lock directory (two server processes)", () => {
    const dir = lockDir();
    const first = createUidAllocator({ first: 5000, count: 8, dir });
    const second = createUidAllocator({ first: 5000, count: 8, dir });
    const taken = [first.take(), second.take(), first.take(), second.take(), first.take(), second.take(), first.take(), second.take()];
    expect(new Set(taken).size).toBe(8);
    expect(() => first.take()).toThrow(/all 8 sandbox uids are in use/);
    second.release(taken[1]!);
    expect(first.take()).toBe(taken[1]);
  });

  it("frees a uid's lock on release and all of them on releaseAll", () => {
    const dir = lockDir();
    const uids = createUidAllocator({ first: 7000, count: 4, dir });
    const a = uids.take();
    uids.take();
    expect(readdirSync(dir)).toHaveLength(2);
    uids.release(a);
    expect(readdirSync(dir)).toEqual(expect.not.arrayContaining([String(a)]));
    uids.releaseAll();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("takes over a lock left by a dead process once it is old, but never a fresh one", () => {
    const dir = lockDir();
    // pid 2^22+1 is above Linux's pid_max default: no such process.
    for (const uid of [9000, 9001]) writeFileSync(join(dir, String(uid)), String(4_194_305));
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, "9000"), old, old);
    const uids = createUidAllocator({ first: 9000, count: 2, dir });
    expect(uids.take()).toBe(9000);
    expect(() => uids.take()).toThrow(/in use/);
  });
});
