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
    await expect(thread.weakest(question, answers, { pack, owner: "other" })).resolves.toBeTypeOf("string");
    expect(await Promise.all(accepted)).toHaveLength(1 + MAX_QUEUED_READINGS_PER_SESSION);
    // Once read, the session may queue again.
    await expect(thread.weakest(question, answers, { pack, owner: "greedy" })).resolves.toBeTypeOf("string");
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
});
