import { Worker } from "node:worker_threads";
import type { AnswerBody } from "../../contracts/index.js";
import type { GradeContext, QuestionGrade } from "../../grading/index.js";
import type { Pack, Question } from "../../scenarios/index.js";
import type { GradeRequest } from "./messages.js";

const BOOTSTRAP = new URL("./bootstrap.mjs", import.meta.url);

export type GradeAnswers = (question: Question, answers: (AnswerBody | null)[], ctx: GradeContext) => Promise<QuestionGrade>;

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
export function createGradingThread(): { grade: GradeAnswers; close(): Promise<void> } {
  let worker: Worker | null = null;
  let nextId = 1;
  let nextPackRef = 1;
  let packRefs = new WeakMap<Pack, number>();
  const pending = new Map<number, { resolve: (g: QuestionGrade) => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const spawn = (): Worker => {
    const w = new Worker(BOOTSTRAP);
    w.unref();
    // A new worker knows no packs yet.
    packRefs = new WeakMap();
    w.on("message", (m: { id?: number; result?: QuestionGrade; error?: string }) => {
      if (m.id === undefined) return;
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.result!);
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
  return {
    grade(question, answers, ctx) {
      worker ??= spawn();
      const id = nextId++;
      const w = worker;
      const { pack, ...rest } = ctx;
      const request: GradeRequest = { id, question, answers, ctx: rest, ...packPart(pack) };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage(request);
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
