import type { Worker } from "node:worker_threads";
import { createOneWorkerQueue, type StartTimer } from "../../workers/index.js";
import type { AnswerBody } from "../../contracts/index.js";
import type { CriterionGap, GradeContext, QuestionGrade } from "../../grading/index.js";
import type { Pack, Question } from "../../scenarios/index.js";
import { ServiceError } from "../../contracts/service-error.js";
import type { FollowUpDecision, FollowUpReadingResult, GradeRequest, GradeTask } from "./messages.js";

export type { FollowUpDecision } from "./messages.js";

const WORKER = new URL("./worker.ts", import.meta.url);

/** Whose reading this is (the session id): the thread takes sessions in turn. Absent: a line of its own (start-up warm-ups, tools). */
type Owned = { owner?: string | undefined };

export type GradeAnswers = (question: Question, answers: (AnswerBody | null)[], ctx: GradeContext & Owned) => Promise<QuestionGrade>;
/**
 * The follow-up decision: the criterion a follow-up should probe, read as grading reads the answer
 * (`weakestCriterion`), or null, with the grade it was chosen by (the question's grade when no follow-up comes).
 */
export type WeakestCriterionOf = (
  question: Question,
  answers: (AnswerBody | null)[],
  ctx: { pack?: Pack | undefined } & Owned,
) => Promise<FollowUpDecision>;
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
 * The CPU time one reading may take in the grading thread before it is given up (GRADING_TIMEOUT) and the thread
 * replaced. Readings take well under 3 s of CPU (a 20,000-character answer ~2 s at load 8, session 19); a reading past
 * 20 s is a grader that went super-linear on that answer, and must not hold every other candidate's grades behind it.
 * CPU time, not wall time (server/workers/one-worker-queue.ts), so a loaded host does not give up honest readings.
 */
export const GRADING_CPU_MS = 20_000;

export type GradingThreadOptions = {
  groupOf?: ((owner: string) => string | undefined) | undefined;
  /** The CPU-time bound on one reading (GRADING_CPU_MS when absent). */
  cpuMs?: number | undefined;
  /** Tests: their own timer, the thread's CPU clock, and a worker module in place of the grader's. */
  startTimer?: StartTimer | undefined;
  threadCpuMs?: ((w: Worker) => number | null) | undefined;
  worker?: URL | undefined;
};

/**
 * The deterministic grader in a worker thread, so grading never stalls other
 * candidates' acks on the event loop. A worker that dies is replaced; the
 * reading it was doing fails (and says so), the ones waiting go to the new one
 * (server/workers/one-worker-queue.ts).
 *
 * The thread gets one reading at a time, chosen round-robin between client
 * addresses, then between an address's sessions (`groupOf`, server/turns/fair-turns.ts): a
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
export function createGradingThread(options: GradingThreadOptions = {}): {
  grade: GradeAnswers;
  weakest: WeakestCriterionOf;
  followUp: FollowUpReadingOf;
  warm: WarmGrading;
  close(): Promise<void>;
} {
  let nextPackRef = 1;
  let packRefs = new WeakMap<Pack, number>();
  type Task = { task: GradeTask; pack: Pack | undefined };
  const packPart = (pack: Pack | undefined): Pick<GradeRequest, "packRef" | "pack"> => {
    if (!pack) return {};
    const known = packRefs.get(pack);
    if (known !== undefined) return { packRef: known };
    const ref = nextPackRef++;
    packRefs.set(pack, ref);
    return { packRef: ref, pack };
  };
  const cpuMs = options.cpuMs ?? GRADING_CPU_MS;
  const queue = createOneWorkerQueue<Task>({
    worker: options.worker ?? WORKER,
    name: "grading thread",
    // A reading past its bound is given up and the thread replaced: the readings waiting behind it go to a new one.
    // The caller records the question as not graded (gradingErrors in the report), its answer kept.
    timeout: {
      ms: cpuMs,
      startTimer: options.startTimer,
      threadCpuMs: options.threadCpuMs,
      error: () =>
        new ServiceError(
          "GRADING_TIMEOUT",
          `reading this answer took more than ${Math.round(cpuMs / 1000)} s of the grader's processor time and was stopped; the answer is kept, and the report marks it not graded`,
        ),
    },
    perOwnerWaiting: MAX_QUEUED_READINGS_PER_SESSION,
    ownerFull: () =>
      new ServiceError(
        "GRADING_QUEUE_FULL",
        `this session already has ${MAX_QUEUED_READINGS_PER_SESSION} answers waiting to be read by the grader; wait for them`,
      ),
    // A new worker knows no packs yet.
    onSpawn: () => void (packRefs = new WeakMap()),
    message({ task, pack }) {
      // The question as its place in the pack when it is one of the pack's own objects (the worker holds the pack).
      const at = pack ? pack.questions.indexOf(task.question) : -1;
      const { question, ...rest } = task;
      const sent = (at >= 0 ? { ...rest, questionAt: at } : { ...rest, question }) as GradeRequest;
      // The pack reference is decided now, for the worker that will read it (a replaced worker knows no packs).
      return { ...sent, ...packPart(pack) };
    },
    result(m) {
      if (m.error !== undefined) throw new Error(m.error as string);
      return m.result;
    },
    stopped: "the grading thread stopped",
    closing: "the grading thread is closing",
    closed: "the grading thread is closed",
    // The reading in progress ends with its thread, as a thread that stops under it does.
    closingInProgress: "the grading thread stopped",
  });
  let nextUnowned = 1;
  // A reading nobody owns (start-up warm-ups, tools) is a line of its own: it waits one turn, and no cap applies.
  // Sessions share their turns with the other sessions of their client address (server/turns/fair-turns.ts).
  const send = <T>(task: GradeTask, pack: Pack | undefined, owner: string | undefined): Promise<T> =>
    queue.run<T>({ task, pack }, owner ?? `unowned:${nextUnowned++}`, owner === undefined ? undefined : options.groupOf?.(owner));
  return {
    grade(question, answers, ctx) {
      const { pack, owner, ...rest } = ctx;
      return send<QuestionGrade>({ kind: "grade", question, answers, ctx: rest }, pack, owner);
    },
    weakest: (question, answers, ctx) => send<FollowUpDecision>({ kind: "weakest", question, answers }, ctx.pack, ctx.owner),
    async followUp(question, answers, criterionId, ctx) {
      const criterion = question.rubric.find((c) => c.id === criterionId);
      if (!criterion) return undefined;
      const read = await send<FollowUpReadingResult>({ kind: "follow-up", question, answers, criterionId }, ctx.pack, ctx.owner);
      return read
        ? { gap: { criterion, level: read.level, missing: read.missing, covered: read.covered }, judgeText: read.judgeText }
        : undefined;
    },
    warm: (question, pack) => send<null>({ kind: "warm", question }, pack, undefined).then(() => undefined),
    close: () => queue.close(),
  };
}
