import type { AnswerBody } from "../../contracts/index.js";
import type { GradeContext } from "../../grading/index.js";
import type { Pack, Question } from "../../scenarios/index.js";

/** One grading job for the worker; `pack` travels only the first time its `packRef` is used. */
export type GradeRequest = {
  id: number;
  question: Question;
  answers: (AnswerBody | null)[];
  ctx: Omit<GradeContext, "pack">;
  packRef?: number;
  pack?: Pack;
};
