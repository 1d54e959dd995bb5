import { parentPort } from "node:worker_threads";
import { gradeQuestion, type GradeContext } from "../../grading/index.js";
import type { AnswerBody } from "../../contracts/index.js";
import type { Question } from "../../scenarios/index.js";

/** The deterministic grader, one question at a time, off the server's event loop. */
parentPort!.on("message", ({ id, question, answers, ctx }: { id: number; question: Question; answers: (AnswerBody | null)[]; ctx: GradeContext }) => {
  try {
    parentPort!.postMessage({ id, result: gradeQuestion(question, answers, ctx) });
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error)?.message ?? String(err) });
  }
});
parentPort!.postMessage({ ready: true });
