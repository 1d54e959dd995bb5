import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { createOneWorkerQueue, type OneWorkerQueue } from "../../server/workers/index.js";
import { manualTimers } from "../helpers/manual-timers.js";

type Task = { name: string; act: "answer" | "fail" | "exit" | "hang" };
const TASK_WORKER = new URL("../fixtures/workers/task-worker.ts", import.meta.url);

let queue: OneWorkerQueue<Task> | null = null;
let spawned = 0;
afterEach(async () => {
  await queue?.close();
  queue = null;
  spawned = 0;
});

/** A thread CPU clock the test sets (ms); by default every task has spent its whole bound when its timer fires. */
let cpuNow = 0;
let cpuReads = 0;
const EVERYTHING_SPENT = () => cpuReads++ * 1e9;

function makeQueue(
  extra: {
    maxWaiting?: number;
    startTimer?: ReturnType<typeof manualTimers>["startTimer"];
    threadCpuMs?: () => number | null;
  } = {},
) {
  return (queue = createOneWorkerQueue<Task>({
    worker: TASK_WORKER,
    name: "test thread",
    perOwnerWaiting: 2,
    ...(extra.maxWaiting === undefined ? {} : { maxWaiting: { count: extra.maxWaiting, queueFull: () => new Error("queue full") } }),
    ownerFull: () => new Error("owner full"),
    message: (task) => task,
    result(m) {
      if (m.error !== undefined) throw new Error(m.error as string);
      return m.result;
    },
    onSpawn: () => void spawned++,
    ...(extra.startTimer
      ? {
          timeout: {
            ms: 5_000,
            error: () => new Error("too slow"),
            startTimer: extra.startTimer,
            threadCpuMs: extra.threadCpuMs ?? EVERYTHING_SPENT,
          },
        }
      : {}),
    stopped: "the test thread stopped",
    closing: "the test thread is closing",
    closed: "the test thread is closed",
    closingInProgress: "cut short",
  }));
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    (v) => v,
    (e: unknown) => `error: ${(e as Error).message}`,
  );

describe("one worker thread with a fair queue (the grading thread's and the pack reader's)", () => {
  it("does one task at a time, taking owners in turn, and refuses an owner's or the server's excess at once", async () => {
    const q = makeQueue({ maxWaiting: 4 });
    const order: string[] = [];
    const track = (p: Promise<string>) => p.then((r) => void order.push(r));
    const a = [track(q.run<string>({ name: "a1", act: "answer" }, "a")), track(q.run<string>({ name: "a2", act: "answer" }, "a"))];
    a.push(track(q.run<string>({ name: "a3", act: "answer" }, "a")));
    expect(q.inProgress).toBe(1);
    expect(await outcome(q.run({ name: "a4", act: "answer" }, "a"))).toBe("error: owner full");
    const b = track(q.run<string>({ name: "b1", act: "answer" }, "b"));
    const c = track(q.run<string>({ name: "c1", act: "answer" }, "c"));
    expect(q.waiting).toBe(4);
    expect(await outcome(q.run({ name: "d1", act: "answer" }, "d"))).toBe("error: queue full");
    await Promise.all([...a, b, c]);
    // a1 went straight to work; b and c each had a turn before a's second and third.
    expect(order).toEqual(["a1#1", "b1#2", "c1#3", "a2#4", "a3#5"]);
    expect(spawned).toBe(1);
  });

  it("a task's error rejects only that task; a worker that stops under a task fails it and the next runs in a new worker", async () => {
    const q = makeQueue();
    const failed = outcome(q.run({ name: "f", act: "fail" }, "a"));
    const killer = outcome(q.run({ name: "k", act: "exit" }, "b"));
    const after = q.run<string>({ name: "n", act: "answer" }, "c");
    expect(await failed).toBe("error: f failed");
    expect(await killer).toBe("error: the test thread stopped");
    // Numbered 1: a new worker did it.
    expect(await after).toBe("n#1");
    expect(spawned).toBe(2);
  });

  it("gives up a task past its time bound and replaces its worker; the next task's bound is cancelled when it answers", async () => {
    const timers = manualTimers();
    const q = makeQueue({ startTimer: timers.startTimer });
    const stuck = outcome(q.run({ name: "h", act: "hang" }, "a"));
    const next = q.run<string>({ name: "n", act: "answer" }, "b");
    expect(timers.armed.map((t) => t.ms)).toEqual([5_000]);
    timers.armed[0]!.fire();
    expect(await stuck).toBe("error: too slow");
    expect(await next).toBe("n#1");
    expect(spawned).toBe(2);
    expect(timers.armed).toHaveLength(2);
    expect(timers.armed[1]!.cancelled).toBe(true);
  });

  it("the bound is the thread's CPU time: a task slowed by a loaded host is not given up while it has spent less than its bound", async () => {
    const timers = manualTimers();
    cpuNow = 700;
    const q = makeQueue({ startTimer: timers.startTimer, threadCpuMs: () => cpuNow });
    const slow = outcome(q.run({ name: "h", act: "hang" }, "a"));
    expect(timers.armed.map((t) => t.ms)).toEqual([5_000]);
    // 5 s of wall time, 1.2 s of the thread's CPU (the host gave it a quarter of a core): checked again when the
    // other 3.8 s could have been spent. Before, a wall bound gave the task up here.
    cpuNow = 1_900;
    timers.armed[0]!.fire();
    expect(timers.armed.map((t) => t.ms)).toEqual([5_000, 3_800]);
    expect(q.inProgress).toBe(1);
    cpuNow = 5_700;
    timers.armed[1]!.fire();
    expect(await slow).toBe("error: too slow");
    expect(q.inProgress).toBe(0);
  });

  it("a task that spends no CPU is still given up at the wall ceiling (ten times its bound), and where CPU time cannot be read, at its bound", async () => {
    const timers = manualTimers();
    cpuNow = 0;
    const q = makeQueue({ startTimer: timers.startTimer, threadCpuMs: () => cpuNow });
    const idle = outcome(q.run({ name: "h", act: "hang" }, "a"));
    let wall = 0;
    while (timers.armed.length < 20 && wall < 50_000) {
      const t = timers.armed.at(-1)!;
      wall += t.ms;
      t.fire();
    }
    expect(wall).toBe(50_000);
    expect(await idle).toBe("error: too slow");
    await q.close();
    const unknown = makeQueue({ startTimer: timers.startTimer, threadCpuMs: () => null });
    const stuck = outcome(unknown.run({ name: "h", act: "hang" }, "a"));
    timers.armed.at(-1)!.fire();
    expect(await stuck).toBe("error: too slow");
  });

  it("a task whose caller's signal aborts is given up: waiting, it never reaches the worker; in progress, its worker is replaced", async () => {
    const q = makeQueue();
    const leavingWhileWaiting = new AbortController();
    const leavingInProgress = new AbortController();
    const stuck = outcome(q.run({ name: "h", act: "hang" }, "a", undefined, leavingInProgress.signal));
    const dropped = outcome(q.run({ name: "d", act: "answer" }, "b", undefined, leavingWhileWaiting.signal));
    const next = q.run<string>({ name: "n", act: "answer" }, "c");
    leavingWhileWaiting.abort();
    expect(await dropped).toBe("error: the task was cancelled");
    expect(q.inProgress).toBe(1);
    leavingInProgress.abort();
    expect(await stuck).toBe("error: the task was cancelled");
    // Numbered 1 by a new worker: the hung one was replaced, and "d" was never sent to either.
    expect(await next).toBe("n#1");
    expect(spawned).toBe(2);
    const gone = new AbortController();
    gone.abort();
    expect(await outcome(q.run({ name: "late", act: "answer" }, "a", undefined, gone.signal))).toBe("error: the task was cancelled");
    expect(await q.run<string>({ name: "m", act: "answer" }, "a")).toBe("m#2");
  });

  it("a task given up while it waits leaves its owner's line at once: its owner's next task is accepted, not refused as over the cap", async () => {
    const q = makeQueue({ maxWaiting: 3 });
    const stuck = outcome(q.run({ name: "h", act: "hang" }, "a"));
    const kept = outcome(q.run<string>({ name: "a2", act: "answer" }, "a"));
    const leaving = new AbortController();
    const dropped = outcome(q.run({ name: "a3", act: "answer" }, "a", undefined, leaving.signal));
    expect(await outcome(q.run({ name: "refused", act: "answer" }, "a"))).toBe("error: owner full");
    expect(q.waiting).toBe(2);
    leaving.abort();
    expect(await dropped).toBe("error: the task was cancelled");
    // Before, the cancelled task kept its place until its turn: "a4" was refused "owner full" (and counted toward the 2).
    expect(q.waiting).toBe(1);
    const retried = outcome(q.run<string>({ name: "a4", act: "answer" }, "a"));
    expect(q.waiting).toBe(2);
    await q.close();
    expect(await stuck).toBe("error: cut short");
    expect(await kept).toBe("error: the test thread is closing");
    expect(await retried).toBe("error: the test thread is closing");
  });

  it("a task's abort listeners go once it has settled: a long-lived signal shared by many tasks holds none of them", async () => {
    const q = makeQueue();
    const session = new AbortController();
    for (const name of ["x", "y", "z"])
      expect(await q.run<string>({ name, act: "answer" }, "a", undefined, session.signal)).toMatch(/^\w#\d$/);
    expect(await outcome(q.run({ name: "f", act: "fail" }, "a", undefined, session.signal))).toBe("error: f failed");
    // Before, each run left its listener on the signal (and with it the task and its promise).
    expect(getEventListeners(session.signal, "abort")).toHaveLength(0);
  });

  it("closing fails the task in progress and those waiting, and refuses later ones", async () => {
    const q = makeQueue();
    const doing = outcome(q.run({ name: "h", act: "hang" }, "a"));
    const waiting = outcome(q.run({ name: "w", act: "answer" }, "b"));
    await q.close();
    expect(await doing).toBe("error: cut short");
    expect(await waiting).toBe("error: the test thread is closing");
    expect(await outcome(q.run({ name: "late", act: "answer" }, "a"))).toBe("error: the test thread is closed");
  });
});
