import type { Logger } from "pino";
import { createFairTurns } from "../turns/index.js";
import type { GradeUpdate } from "./state.js";

/**
 * Runs `wait` without holding a grading slot: for waits that are not grading work (the sandbox, which queues runs
 * fairly itself, and holds a hidden batch to its budget), so they do not keep other sessions' gradings waiting.
 */
export type OffSlot = <T>(wait: () => Promise<T>) => Promise<T>;
export type GradeJob = (offSlot: OffSlot) => Promise<GradeUpdate>;

/** Where the grade node hands finished questions, and where the report node collects them. */
export type GradeLater = {
  /** Queue one question's grading; a second enqueue for the same question (a re-run step) is ignored. */
  enqueue(sessionId: string, questionId: string, job: GradeJob): void;
  /** The step that queued gradings is over (its events are out): start them. */
  start(sessionId: string): void;
  /** Wait for every queued grading of the session and take the results (each handed out once). */
  settle(sessionId: string): Promise<GradeUpdate[]>;
  /** Wait for everything (shutdown). */
  drain(): Promise<void>;
};

/**
 * Grading off the critical path: the submit's next question goes out first,
 * the grading runs after it, a few at a time so a burst of submits does not
 * hold the event loop. A job that throws yields nothing: the report node
 * grades any question still missing when the session ends.
 */
export function createGradingQueue(options: {
  concurrency: number;
  logger: Logger;
  /** The client address a session is held from: addresses take the slots in turn, then their sessions. */
  groupOf?: ((sessionId: string) => string | undefined) | undefined;
}): GradeLater {
  const bySession = new Map<string, Map<string, Promise<GradeUpdate | null>>>();
  /** Per session, the go signal for its queued jobs: they wait until the step that queued them is over. */
  const gates = new Map<string, () => void>();
  const gateOf = (sessionId: string) => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const previous = gates.get(sessionId);
    gates.set(sessionId, () => (previous?.(), open()));
    return gate;
  };
  const openGate = (sessionId: string) => {
    gates.get(sessionId)?.();
    gates.delete(sessionId);
  };
  // Sessions take the free slots in turn (one session's many finished questions do not queue ahead of everyone
  // else's); a session's own gradings start in the order they were queued. No cap: one per question at most.
  const waiting = createFairTurns<() => void>(Number.POSITIVE_INFINITY);
  let running = 0;
  // Every job goes through the turns, even onto a free slot: a session's job that started at once is its turn taken.
  // A slot is counted as taken when it is handed over, so nobody can take it in between.
  const startNext = () => {
    while (running < options.concurrency) {
      const go = waiting.shift();
      if (!go) return;
      running++;
      go();
    }
  };
  const slot = (sessionId: string) =>
    new Promise<void>((r) => {
      waiting.push(sessionId, r, options.groupOf?.(sessionId));
      startNext();
    });
  const release = () => {
    running--;
    startNext();
  };
  /** A job's waits that are not grading work, run off its slot; it takes its turn again after. */
  const offSlotFor =
    (sessionId: string): OffSlot =>
    async (wait) => {
      release();
      try {
        return await wait();
      } finally {
        await slot(sessionId);
      }
    };
  return {
    enqueue(sessionId, questionId, job) {
      let jobs = bySession.get(sessionId);
      if (!jobs) bySession.set(sessionId, (jobs = new Map()));
      if (jobs.has(questionId)) return;
      const gate = gateOf(sessionId);
      const result = (async () => {
        // The step that queued this finishes and sends its events (the next question) first.
        await gate;
        await slot(sessionId);
        try {
          return await job(offSlotFor(sessionId));
        } catch (err) {
          options.logger.error({ err, sessionId, questionId }, "background grading failed; the report grades it again");
          return null;
        } finally {
          release();
        }
      })();
      jobs.set(questionId, result);
    },
    start: openGate,
    async settle(sessionId) {
      openGate(sessionId);
      const jobs = bySession.get(sessionId);
      if (!jobs) return [];
      bySession.delete(sessionId);
      return (await Promise.all(jobs.values())).filter((u): u is GradeUpdate => u !== null);
    },
    async drain() {
      for (const id of [...gates.keys()]) openGate(id);
      await Promise.all([...bySession.values()].flatMap((jobs) => [...jobs.values()]));
    },
  };
}
