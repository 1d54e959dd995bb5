import { Worker } from "node:worker_threads";
import { stopWorker } from "../../workers/index.js";
import type { AnswerBody } from "../../contracts/index.js";
import type { CriterionGap, GradeContext, QuestionGrade } from "../../grading/index.js";
import type { Pack, Question } from "../../scenarios/index.js";
import type { FollowUpReadingResult, GradeRequest, GradeTask } from "./messages.js";

const BOOTSTRAP = new URL("./bootstrap.mjs", import.meta.url);

export type GradeAnswers = (question: Question, answers: (AnswerBody | null)[], ctx: GradeContext) => Promise<QuestionGrade>;
/** The criterion a follow-up should probe, read as grading reads the answer (`weakestCriterion`), or null. */
export type WeakestCriterionOf = (
  question: Question,
  answers: (AnswerBody | null)[],
  ctx: { pack?: Pack | undefined },
) => Promise<string | null>;
/** A follow-up's reading of the answers on one criterion: its gap and the cleaned text the interviewer reads (undefined: no such criterion). */
export type FollowUpReadingOf = (
  question: Question,
  answers: (AnswerBody | null)[],
  criterionId: string,
  ctx: { pack?: Pack | undefined },
) => Promise<{ gap: CriterionGap; judgeText: string } | undefined>;
/** Builds a pack's grading index (and loads the English model) where grading runs, ahead of the first answer. */
export type WarmGrading = (question: Question, pack: Pack) => Promise<void>;

/**
 * The deterministic grader in a worker thread, so grading never stalls other
 * candidates' acks on the event loop. A worker that dies is replaced; its
 * question fails to grade (and says so).
 *
 * Packs are cached by (id, version) on this side, so one pack is one object:
 * the worker receives each pack object once and keeps it (with the grader's
 * per-pack fingerprints, built once there) under a number. Cloning a
 * megabyte-sized pack into the worker on every grade would cost more than the
 * grading itself and would rebuild the fingerprints every time.
 */
export function createGradingThread(): {
  grade: GradeAnswers;
  weakest: WeakestCriterionOf;
  followUp: FollowUpReadingOf;
  warm: WarmGrading;
  close(): Promise<void>;
} {
  let worker: Worker | null = null;
  /** Settles once the current worker has loaded its modules (or stopped): it is only terminated after that. */
  let loaded: Promise<void> = Promise.resolve();
  let nextId = 1;
  let nextPackRef = 1;
  let packRefs = new WeakMap<Pack, number>();
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const spawn = (): Worker => {
    const w = new Worker(BOOTSTRAP);
    w.unref();
    loaded = new Promise<void>((resolve) => {
      w.once("message", () => resolve());
      w.once("error", () => resolve());
      w.once("exit", () => resolve());
    });
    // A new worker knows no packs yet.
    packRefs = new WeakMap();
    w.on("message", (m: { id?: number; result?: unknown; error?: string }) => {
      if (m.id === undefined) return;
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.result);
    });
    w.on("error", (err) => failAll(err));
    w.on("exit", () => {
      if (worker === w) worker = null;
      failAll(new Error("the grading thread stopped"));
    });
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
  const send = <T>(task: GradeTask, pack: Pack | undefined): Promise<T> => {
    // After close (a server stopping moments after it started, its warm-up still coming), no worker is started again.
    if (closed) return Promise.reject(new Error("the grading thread stopped"));
    worker ??= spawn();
    const id = nextId++;
    const w = worker;
    // The question as its place in the pack when it is one of the pack's own objects (the worker holds the pack).
    const at = pack ? pack.questions.indexOf(task.question) : -1;
    const { question, ...rest } = task;
    const sent = (at >= 0 ? { ...rest, questionAt: at } : { ...rest, question }) as GradeRequest;
    const request: GradeRequest = { ...sent, id, ...packPart(pack) };
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      w.postMessage(request);
    });
  };
  return {
    grade(question, answers, ctx) {
      const { pack, ...rest } = ctx;
      return send<QuestionGrade>({ kind: "grade", question, answers, ctx: rest }, pack);
    },
    weakest: (question, answers, ctx) => send<string | null>({ kind: "weakest", question, answers }, ctx.pack),
    async followUp(question, answers, criterionId, ctx) {
      const criterion = question.rubric.find((c) => c.id === criterionId);
      if (!criterion) return undefined;
      const read = await send<FollowUpReadingResult>({ kind: "follow-up", question, answers, criterionId }, ctx.pack);
      return read
        ? { gap: { criterion, level: read.level, missing: read.missing, covered: read.covered }, judgeText: read.judgeText }
        : undefined;
    },
    warm: (question, pack) => send<null>({ kind: "warm", question }, pack).then(() => undefined),
    async close() {
      closed = true;
      const w = worker;
      worker = null;
      if (w) await stopWorker(w, loaded);
    },
  };
}
