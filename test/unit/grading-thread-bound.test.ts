import { afterEach, describe, expect, it } from "vitest";
import { createGradingThread } from "../../server/interview/grading-thread/index.js";
import { manualTimers } from "../helpers/manual-timers.js";
import { miniPack } from "../helpers/packs.js";

const SLOW_GRADER = new URL("../fixtures/workers/slow-grader-worker.ts", import.meta.url);
const pack = miniPack();
const question = pack.questions[0]!;
const answer = (text: string) => ({ text }) as never;

let thread: ReturnType<typeof createGradingThread> | null = null;
afterEach(async () => {
  await thread?.close();
  thread = null;
});

describe("the grading thread's bound on one reading", () => {
  it("gives up a reading past its CPU bound with GRADING_TIMEOUT, and the next session's reading is done by a new thread", async () => {
    const timers = manualTimers();
    let cpu = 0;
    thread = createGradingThread({ worker: SLOW_GRADER, cpuMs: 20_000, startTimer: timers.startTimer, threadCpuMs: () => cpu });
    const stuck = thread.grade(question, [answer("super-linear")], { owner: "s1" }).then(
      () => "graded",
      (e: { code?: string; message: string }) => `${e.code}: ${e.message}`,
    );
    const other = thread.grade(question, [answer("an honest answer")], { owner: "s2" });
    expect(timers.armed.map((t) => t.ms)).toEqual([20_000]);
    cpu = 20_000;
    timers.armed[0]!.fire();
    expect(await stuck).toMatch(/^GRADING_TIMEOUT: reading this answer took more than 20 s .*the report marks it not graded/);
    // Before, the grading thread had no bound: s2's reading waited behind the spinning one for ever.
    expect(await other).toEqual({ scores: [], flags: [], judgeText: "read" });
  });
});
