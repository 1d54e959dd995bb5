import type { Check, Criterion, Question } from "../../scenarios/index.js";
import { questionTerms } from "../language/index.js";
import { checkFixWorks } from "./fix-works.js";
import { checkFaultClass, checkFixedPrompt } from "./prompt-debugging.js";
import { checkQuantitative, checkResultFigure } from "./quantitative.js";
import { checkDesignSections, checkStar } from "./structure.js";
import type { CheckHandler, CheckResult, LabEvidence } from "./types.js";

export type { CheckHandler, CheckResult, LabEvidence } from "./types.js";
export { extractFixedPrompt } from "./prompt-debugging.js";
export { writtenEquations } from "./arithmetic.js";

const starPart =
  (part: Check): CheckHandler =>
  ({ answer, question }) =>
    checkStar(answer, [part], questionTerms(question));

/**
 * Every check a rubric may name, behind one interface with one result shape
 * (the way promptfoo keeps its assertion handlers thin). The Record type makes
 * a check named in the schema without a handler a compile error.
 */
export const CHECK_HANDLERS: Record<Check, CheckHandler> = {
  // A worked calculation from the figures, and the result they give (a right step earns the first, not the second).
  quantitative: ({ answer, question, criterion, claims }) => [
    checkQuantitative(answer, question.figures),
    ...(criterion ? [checkResultFigure(answer, question, criterion, claims)] : []),
  ],
  star: ({ answer }) => checkStar(answer),
  situation: starPart("situation"),
  task: starPart("task"),
  action: starPart("action"),
  result: starPart("result"),
  reflection: starPart("reflection"),
  "design-sections": ({ answer }) => [checkDesignSections(answer)],
  // "- prompt fault" in a list or "We use prompt fault." in a template names no diagnosis: only claims count.
  "fault-class": ({ answer, claims, criterion }) => [checkFaultClass(claims ?? answer, criterion)],
  "fixed-prompt": ({ answer }) => [checkFixedPrompt(answer)],
  "fix-works": (input) => [checkFixWorks(input)],
};

/** Run the checks a criterion asks for on the (cleaned) answer. */
export function runChecks(criterion: Criterion, question: Question, answer: string, lab?: LabEvidence, claims?: string): CheckResult[] {
  return criterion.evidence.checks.flatMap((check) => CHECK_HANDLERS[check]({ answer, question, lab, claims, criterion }));
}
