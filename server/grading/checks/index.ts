import type { Criterion, Question } from "../../scenarios/index.js";
import { checkFaultClass, checkFixedPrompt } from "./prompt-debugging.js";
import { checkQuantitative } from "./quantitative.js";
import { checkDesignSections, checkStar } from "./structure.js";
import type { CheckResult } from "./types.js";

export type { CheckResult } from "./types.js";
export { extractFixedPrompt } from "./prompt-debugging.js";
export { writtenEquations } from "./arithmetic.js";

/** What running the candidate's fixed prompt showed, when a model was available. */
export type LabEvidence = ({ ran: true; fixedPassRate: number; brokenPassRate: number; cases: number } | { ran: false; reason: string }) & {
  usage?: { model: string; inputTokens: number; outputTokens: number };
};

/** Run the checks a criterion asks for on the (cleaned) answer. */
export function runChecks(criterion: Criterion, question: Question, answer: string, lab?: LabEvidence): CheckResult[] {
  return criterion.evidence.checks.flatMap((check): CheckResult[] => {
    switch (check) {
      case "quantitative":
        return [checkQuantitative(answer, question.figures)];
      case "star":
        return checkStar(answer);
      case "situation":
      case "task":
      case "action":
      case "result":
      case "reflection":
        return checkStar(answer, [check]);
      case "design-sections":
        return [checkDesignSections(answer)];
      case "fault-class":
        return [checkFaultClass(answer)];
      case "fixed-prompt":
        return [checkFixedPrompt(answer)];
      case "fix-works":
        return [fixWorks(lab)];
    }
  });
}

function fixWorks(lab: LabEvidence | undefined): CheckResult {
  const label = "the fixed prompt passes more lab cases than the broken one";
  if (!lab || !lab.ran) {
    return {
      label,
      passed: false,
      skipped: true,
      note: `the fixed prompt was not executed (${lab && !lab.ran ? lab.reason : "no model configured"})`,
    };
  }
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  const passed = lab.fixedPassRate >= 0.75 && lab.fixedPassRate > lab.brokenPassRate;
  return {
    label,
    passed,
    note: `run on ${lab.cases} cases: the fixed prompt passed ${pct(lab.fixedPassRate)}, the broken one ${pct(lab.brokenPassRate)}`,
  };
}
