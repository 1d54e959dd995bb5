import { parentPort } from "node:worker_threads";
import { gradeQuestion } from "../../grading/index.js";
import type { Pack } from "../../scenarios/index.js";
import type { GradeRequest } from "./messages.js";

/** Packs this worker has been sent, by the main thread's number for them (one object each, so the grader's per-pack index is built once). */
const packs = new Map<number, Pack>();

/** The deterministic grader, one question at a time, off the server's event loop. */
parentPort!.on("message", ({ id, question, answers, ctx, packRef, pack }: GradeRequest) => {
  try {
    if (packRef !== undefined && pack) packs.set(packRef, pack);
    const known = packRef === undefined ? undefined : packs.get(packRef);
    if (packRef !== undefined && !known) throw new Error(`the grading thread was never sent pack #${packRef}`);
    parentPort!.postMessage({ id, result: gradeQuestion(question, answers, { ...ctx, pack: known }) });
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error)?.message ?? String(err) });
  }
});
parentPort!.postMessage({ ready: true });
