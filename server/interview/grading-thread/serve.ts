import { parentPort } from "node:worker_threads";
import type { Pack } from "../../scenarios/index.js";
import type { GradeRequest, GradeTask } from "./messages.js";

/** The task with its question: sent whole, or as its place among the pack's questions. */
function taskOf(sent: Omit<GradeRequest, "id" | "packRef" | "pack">, pack: Pack | undefined): GradeTask {
  if (!("questionAt" in sent)) return sent as GradeTask;
  const { questionAt, ...rest } = sent as { questionAt: number };
  const question = pack?.questions[questionAt];
  if (!question) throw new Error(`the grading thread's pack has no question #${questionAt}`);
  return { ...rest, question } as GradeTask;
}

/** Answer the main thread's readings, one at a time, with `perform` (perform.ts), off the server's event loop. */
export function serveReadings(perform: (task: GradeTask, pack: Pack | undefined) => unknown): void {
  /** Packs this worker has been sent, by the main thread's number for them (one object each, so the grader's per-pack index is built once). */
  const packs = new Map<number, Pack>();
  parentPort!.on("message", ({ id, packRef, pack, ...sent }: GradeRequest) => {
    try {
      if (packRef !== undefined && pack) packs.set(packRef, pack);
      const known = packRef === undefined ? undefined : packs.get(packRef);
      if (packRef !== undefined && !known) throw new Error(`the grading thread was never sent pack #${packRef}`);
      parentPort!.postMessage({ id, result: perform(taskOf(sent, known), known) });
    } catch (err) {
      parentPort!.postMessage({ id, error: (err as Error)?.message ?? String(err) });
    }
  });
  parentPort!.postMessage({ ready: true });
}
