import type { Worker } from "node:worker_threads";
import { spawnWorker, stopWorker, workerLoaded } from "../../workers/index.js";
import type { AnswerBody } from "../../contracts/index.js";
import type { CriterionGap, GradeContext, QuestionGrade } from "../../grading/index.js";
import type { Pack, Question } from "../../scenarios/index.js";
import { ServiceError } from "../../contracts/service-error.js";
import { createFairTurns } from "../fair-turns.js";
import type { FollowUpReadingResult, GradeRequest, GradeTask } from "./messages.js";

const WORKER = new URL("./worker.ts", import.meta.url);

/** Whose reading this is (the session id): the thread takes sessions in turn. Absent: a line of its own (start-up warm-ups, tools). */
type Owned = { owner?: string | undefined };

export type GradeAnswers = (question: Question, answers: (AnswerBody | null)[], ctx: GradeContext & Owned) => Promise<QuestionGrade>;
/** The criterion a follow-up should probe, read as grading reads the answer (`weakestCriterion`), or null. */
export type WeakestCriterionOf = (
  question: Question,
  answers: (AnswerBody | null)[],
  ctx: { pack?: Pack | undefined } & Owned,
) => Promise<string | null>;
/** A follow-up's reading of the answers on one criterion: its gap and the cleaned text the interviewer reads (undefined: no such criterion). */
export type FollowUpReadingOf = (
  question: Question,
  answers: (AnswerBody | null)[],
  criterionId: string,
  ctx: { pack?: Pack | undefined } & Owned,
) => Promise<{ gap: CriterionGap; judgeText: string } | undefined>;
/** Builds a pack's grading index (and loads the English model) where grading runs, ahead of the first answer. */
export type WarmGrading = (question: Question, pack: Pack) => Promise<void>;

/**
 * Readings one session may have waiting in the thread. A step asks for one at a time (the follow-up decision, then
 * its reading), background grading runs two questions at once across all sessions, and ending a session grades the
 * questions not reached one by one: an honest session has at most about four. More is refused (GRADING_QUEUE_FULL).
 */
export const MAX_QUEUED_READINGS_PER_SESSION = 8;

/**
 * The deterministic grader in a worker thread, so grading never stalls other
 * candidates' acks on the event loop. A worker that dies is replaced; the
 * reading it was doing fails (and says so), the ones waiting go to the new one.
 *
 * The thread gets one reading at a time, chosen round-robin between client
 * addresses, then between an address's sessions (`groupOf`, ./fair-turns.ts): a
 * first-come queue posted straight to the worker let one session's long answers
 * delay every other session's follow-up and grades, and turns per session let
 * one address's many sessions do the same together.
 *
 * Packs are cached by (id, version) on this side, so one pack is one object:
 * the worker receives each pack object once and keeps it (with the grader's
 * per-pack fingerprints, built once there) under a number. Cloning a
 * megabyte-sized pack into the worker on every grade would cost more than the
 * grading itself and would rebuild the fingerprints every time.
 */
export function createGradingThread(options: { groupOf?: ((owner: string) => string | undefined) | undefined } = {}): {
  grade: GradeAnswers;
  weakest: WeakestCriterionOf;
  followUp: FollowUpReadingOf;
  warm: WarmGrading;
  close(): Promise<void>;
} {
  let worker: Worker | null = null;
  /** Settles once the current worker has loaded its modules (or failed to): it is only terminated after that. */
  let loaded: Promise<void> = Promise.resolve();
  let nextId = 1;
  let nextPackRef = 1;
  let packRefs = new WeakMap<Pack, number>();
  type Job = { task: GradeTask; pack: Pack | undefined; resolve: (result: unknown) => void; reject: (e: Error) => void };
  const waiting = createFairTurns<Job>(MAX_QUEUED_READINGS_PER_SESSION);
  /** The reading the worker is doing (one at a time, so the next one can still be chosen fairly). */
  let inFlight: { id: number; job: Job; worker: Worker } | null = null;
  const spawn = (): Worker => {
    const w = spawnWorker(WORKER);
    w.unref();
    loaded = workerLoaded(w, "grading thread");
    // A new worker knows no packs yet.
    packRefs = new WeakMap();
    w.on("message", (m: { id?: number; result?: unknown; error?: string }) => {
      if (m.id === undefined || inFlight?.id !== m.id || inFlight.worker !== w) return;
      const { job } = inFlight;
      inFlight = null;
      if (m.error !== undefined) job.reject(new Error(m.error));
      else job.resolve(m.result);
      pump();
    });
    const lost = (err: Error) => {
      if (worker === w) worker = null;
      // Only the reading this worker had (an "error" is followed by "exit", by which time a new worker may have one).
      if (inFlight?.worker !== w) return;
      const { job } = inFlight;
      inFlight = null;
      job.reject(err);
      // The readings still waiting go to a new worker.
      if (!closed) pump();
    };
    w.on("error", (err) => lost(err));
    w.on("exit", () => lost(new Error("the grading thread stopped")));
    return w;
  };
  const packPart = (pack: Pack | undefined): Pick<GradeRequest, "packRef" | "pack"> => {
    if (!pack) return {};
    const known = packRefs.get(pack);
    if (known !== undefined) return { packRef: known };
    const ref = nextPackRef++;
    packRefs.set(pack, ref);
    return { packRef: ref, pack };
  };
  let closed = false;
  let nextUnowned = 1;
  /** Hand the worker the next reading, if it is idle. */
  const pump = () => {
    if (inFlight || closed) return;
    const job = waiting.shift();
    if (!job) return;
    const w = (worker ??= spawn());
    const id = nextId++;
    inFlight = { id, job, worker: w };
    // The question as its place in the pack when it is one of the pack's own objects (the worker holds the pack).
    const at = job.pack ? job.pack.questions.indexOf(job.task.question) : -1;
    const { question, ...rest } = job.task;
    const sent = (at >= 0 ? { ...rest, questionAt: at } : { ...rest, question }) as GradeRequest;
    // The pack reference is decided now, for the worker that will read it (a replaced worker knows no packs).
    const request: GradeRequest = { ...sent, id, ...packPart(job.pack) };
    w.postMessage(request);
  };
  const send = <T>(task: GradeTask, pack: Pack | undefined, owner: string | undefined): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (closed) return reject(new Error("the grading thread is closed"));
      const job: Job = { task, pack, resolve: resolve as (result: unknown) => void, reject };
      // A reading nobody owns (start-up warm-ups, tools) is a line of its own: it waits one turn, and no cap applies.
      // Sessions share their turns with the other sessions of their client address (fair-turns.ts).
      if (!waiting.push(owner ?? `unowned:${nextUnowned++}`, job, owner === undefined ? undefined : options.groupOf?.(owner)))
        return reject(
          new ServiceError(
            "GRADING_QUEUE_FULL",
            `this session already has ${MAX_QUEUED_READINGS_PER_SESSION} answers waiting to be read by the grader; wait for them`,
          ),
        );
      pump();
    });
  return {
    grade(question, answers, ctx) {
      const { pack, owner, ...rest } = ctx;
      return send<QuestionGrade>({ kind: "grade", question, answers, ctx: rest }, pack, owner);
    },
    weakest: (question, answers, ctx) => send<string | null>({ kind: "weakest", question, answers }, ctx.pack, ctx.owner),
    async followUp(question, answers, criterionId, ctx) {
      const criterion = question.rubric.find((c) => c.id === criterionId);
      if (!criterion) return undefined;
      const read = await send<FollowUpReadingResult>({ kind: "follow-up", question, answers, criterionId }, ctx.pack, ctx.owner);
      return read
        ? { gap: { criterion, level: read.level, missing: read.missing, covered: read.covered }, judgeText: read.judgeText }
        : undefined;
    },
    warm: (question, pack) => send<null>({ kind: "warm", question }, pack, undefined).then(() => undefined),
    async close() {
      closed = true;
      for (const job of waiting.drain()) job.reject(new Error("the grading thread is closing"));
      const w = worker;
      worker = null;
      if (w) await stopWorker(w, loaded);
    },
  };
}
