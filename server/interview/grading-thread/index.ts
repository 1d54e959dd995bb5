import { Worker } from "node:worker_threads";
import type { AnswerBody } from "../../contracts/index.js";
import type { GradeContext, QuestionGrade } from "../../grading/index.js";
import type { Question } from "../../scenarios/index.js";

const BOOTSTRAP = new URL("./bootstrap.mjs", import.meta.url);

export type GradeAnswers = (question: Question, answers: (AnswerBody | null)[], ctx: GradeContext) => Promise<QuestionGrade>;

/**
 * The deterministic grader in a worker thread. Grading one answer costs tens
 * of milliseconds of CPU (the copy check compares it with every model
 * answer); on the event loop that stalled every other candidate's acks. A
 * worker that dies is replaced; its question fails to grade (and says so).
 */
export function createGradingThread(): { grade: GradeAnswers; close(): Promise<void> } {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (g: QuestionGrade) => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const spawn = (): Worker => {
    const w = new Worker(BOOTSTRAP);
    w.unref();
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
  return {
    grade(question, answers, ctx) {
      worker ??= spawn();
      const id = nextId++;
      const w = worker;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, question, answers, ctx });
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
