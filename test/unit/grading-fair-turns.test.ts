import { afterAll, describe, expect, it } from "vitest";
import pino from "pino";
import { createGradingQueue, createGradingThread, MAX_QUEUED_READINGS_PER_SESSION } from "../../server/interview/index.js";
import { miniPack } from "../helpers/packs.js";
import { longAnswer } from "../helpers/long-answer.js";

// One candidate's long answers must not hold every other candidate's follow-up decision and grades behind all of
// them: the grading thread and the background grading queue take sessions in turn, each session's work in order.
const thread = createGradingThread();
afterAll(() => thread.close());

const pack = miniPack();
const question = pack.questions.find((q) => q.id === "rag-basics")!;

describe("the grading thread takes sessions in turn", () => {
  it("another session's follow-up decision waits for the reading in progress, not for a flooder's whole queue", async () => {
    await thread.warm(question, pack);
    const done: string[] = [];
    // The flooder: six 20,000-character answers queued at once (one goes to work at once, five wait).
    const flood = Array.from({ length: 6 }, (_, i) =>
      thread.grade(question, [{ text: longAnswer(20_000, i) }], { pack, owner: "flooder" }).then(() => done.push(`flood-${i}`)),
    );
    // Another candidate's follow-up decision on a short answer, asked after the flood was queued.
    const honest = thread
      .weakest(question, [{ text: "Chunk by headings, embed, index." }], { pack, owner: "honest" })
      .then(() => done.push("honest"));
    await Promise.all([...flood, honest]);
    // First come, first served ran it last (after all six); in turn, it runs right after the reading in progress.
    expect(done.indexOf("honest")).toBe(1);
    // The flooder's own readings keep their order.
    expect(done.filter((d) => d !== "honest")).toEqual(["flood-0", "flood-1", "flood-2", "flood-3", "flood-4", "flood-5"]);
  });

  it("refuses a session more readings than any step asks for at once, with GRADING_QUEUE_FULL; others are served", async () => {
    const answers = [{ text: longAnswer(2_000, 1) }];
    // One in progress, then the cap waiting: the next is refused.
    const accepted = Array.from({ length: 1 + MAX_QUEUED_READINGS_PER_SESSION }, () =>
      thread.weakest(question, answers, { pack, owner: "greedy" }),
    );
    await expect(thread.weakest(question, answers, { pack, owner: "greedy" })).rejects.toMatchObject({ code: "GRADING_QUEUE_FULL" });
    // Another session is not affected, nor are the greedy session's accepted readings.
    await expect(thread.weakest(question, answers, { pack, owner: "other" })).resolves.toMatchObject({ criterionId: expect.any(String) });
    expect(await Promise.all(accepted)).toHaveLength(1 + MAX_QUEUED_READINGS_PER_SESSION);
    // Once read, the session may queue again.
    await expect(thread.weakest(question, answers, { pack, owner: "greedy" })).resolves.toMatchObject({ criterionId: expect.any(String) });
  });
});

// One address with many sessions had a turn per session, so together they held another address's follow-ups back
// as many times over. Addresses take turns first, then their sessions.
describe("the grading thread takes client addresses in turn, then their sessions", () => {
  it("another address's readings wait one turn of a four-session address, not one turn of each of its sessions", async () => {
    const addresses: Record<string, string> = { x1: "10.1.0.1", x2: "10.1.0.1", x3: "10.1.0.1", x4: "10.1.0.1", y1: "10.2.0.1" };
    const grouped = createGradingThread({ groupOf: (owner) => addresses[owner] });
    try {
      await grouped.warm(question, pack);
      const done: string[] = [];
      const read = (owner: string, i: number) =>
        grouped
          .weakest(question, [{ text: `Chunk by headings, embed, index ${i}.` }], { pack, owner })
          .then(() => done.push(`${owner}-${i}`));
      // x1's first reading goes to work at once; seven of the address's wait, then y1's two.
      const all = ["x1", "x2", "x3", "x4"].flatMap((owner) => [read(owner, 1), read(owner, 2)]);
      all.push(read("y1", 1), read("y1", 2));
      await Promise.all(all);
      // Turns per session served y1's first reading fifth (behind x2, x3 and x4's first); per address, second.
      expect(done.indexOf("y1-1")).toBe(1);
      expect(done.indexOf("y1-2")).toBe(3);
      // The address's sessions take its turns in turn (x1, whose first reading went to work at once, after the others).
      expect(done.filter((d) => !d.startsWith("y"))).toEqual(["x1-1", "x2-1", "x3-1", "x4-1", "x1-2", "x2-2", "x3-2", "x4-2"]);
    } finally {
      await grouped.close();
    }
  });
});

describe("background grading takes sessions in turn", () => {
  it("a session's many finished questions do not queue ahead of another session's one", async () => {
    const queue = createGradingQueue({ concurrency: 1, logger: pino({ level: "silent" }) });
    const started: string[] = [];
    // Each job holds its slot until the test lets it go: the order jobs start in is the queue's order.
    const release = new Map<string, () => void>();
    const job = (name: string) => () =>
      new Promise<{ grades: Record<string, never> }>((resolve) => {
        started.push(name);
        release.set(name, () => resolve({ grades: {} }));
      });
    for (let q = 1; q <= 5; q++) queue.enqueue("flooder", `q${q}`, job(`flooder-q${q}`));
    queue.start("flooder");
    queue.enqueue("honest", "q1", job("honest-q1"));
    queue.start("honest");
    const settled = Promise.all([queue.settle("flooder"), queue.settle("honest")]);
    // Let each started job finish in turn until all six have run.
    for (let n = 0; n < 6; n++) {
      await expect.poll(() => started.length).toBe(n + 1);
      release.get(started[n]!)!();
    }
    await settled;
    // First come, first served started it sixth; in turn, second (after the flooder's job already running).
    expect(started.indexOf("honest-q1")).toBe(1);
    expect(started.filter((s) => s.startsWith("flooder"))).toEqual(["flooder-q1", "flooder-q2", "flooder-q3", "flooder-q4", "flooder-q5"]);
  });

  it("with addresses known, an address's many sessions take one slot turn together, another address's session one", async () => {
    const addresses: Record<string, string> = { a: "10.3.0.1", b: "10.3.0.1", c: "10.3.0.1", honest: "10.4.0.1" };
    const queue = createGradingQueue({ concurrency: 1, logger: pino({ level: "silent" }), groupOf: (id) => addresses[id] });
    const started: string[] = [];
    const release = new Map<string, () => void>();
    const job = (name: string) => () =>
      new Promise<{ grades: Record<string, never> }>((resolve) => {
        started.push(name);
        release.set(name, () => resolve({ grades: {} }));
      });
    for (const session of ["a", "b", "c"]) {
      for (let q = 1; q <= 2; q++) queue.enqueue(session, `q${q}`, job(`${session}-q${q}`));
      queue.start(session);
    }
    for (let q = 1; q <= 2; q++) queue.enqueue("honest", `q${q}`, job(`honest-q${q}`));
    queue.start("honest");
    const settled = Promise.all(["a", "b", "c", "honest"].map((s) => queue.settle(s)));
    for (let n = 0; n < 8; n++) {
      await expect.poll(() => started.length).toBe(n + 1);
      release.get(started[n]!)!();
    }
    await settled;
    // Per session, honest's first grading started fourth (behind a, b and c); per address, second, then fourth.
    expect(started.indexOf("honest-q1")).toBe(1);
    expect(started.indexOf("honest-q2")).toBe(3);
  });
});
