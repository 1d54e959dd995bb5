import { parentPort } from "node:worker_threads";
import { criterionGap, gradeQuestion, prepareAnswer, weakestCriterion } from "../../grading/index.js";
import type { Pack } from "../../scenarios/index.js";
import type { FollowUpReadingResult, GradeRequest, GradeTask } from "./messages.js";

/** Packs this worker has been sent, by the main thread's number for them (one object each, so the grader's per-pack index is built once). */
const packs = new Map<number, Pack>();

function perform(task: GradeTask, pack: Pack | undefined): unknown {
  switch (task.kind) {
    case "grade":
      return gradeQuestion(task.question, task.answers, { ...task.ctx, pack });
    case "weakest":
      return weakestCriterion(task.question, task.answers, { pack })?.criterion.id ?? null;
    case "follow-up": {
      const gap = criterionGap(task.question, task.answers, task.criterionId, { pack });
      const result: FollowUpReadingResult = gap
        ? {
            level: gap.level,
            missing: gap.missing,
            covered: gap.covered,
            judgeText: prepareAnswer(task.question, task.answers, { pack }).judgeText,
          }
        : null;
      return result;
    }
    case "warm":
      // The index is built for the pack whatever the question; no answer needs reading.
      prepareAnswer(task.question, [], { pack });
      return null;
  }
}

/** The task with its question: sent whole, or as its place among the pack's questions. */
function taskOf(sent: Omit<GradeRequest, "id" | "packRef" | "pack">, pack: Pack | undefined): GradeTask {
  if (!("questionAt" in sent)) return sent as GradeTask;
  const { questionAt, ...rest } = sent as { questionAt: number };
  const question = pack?.questions[questionAt];
  if (!question) throw new Error(`the grading thread's pack has no question #${questionAt}`);
  return { ...rest, question } as GradeTask;
}

/** The deterministic grader's readings, one at a time, off the server's event loop. */
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
