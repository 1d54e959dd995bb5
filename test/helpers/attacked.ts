import { gradeQuestion, gradingCriteria, questionScore } from "../../server/grading/index.js";
import type { Pack, Question } from "../../server/scenarios/index.js";

export type Placement = "suffix" | "prefix" | "alone";
export const PLACEMENTS: Placement[] = ["suffix", "prefix", "alone"];

export const placeAttack = (base: string, attack: string, where: Placement) =>
  where === "alone" ? attack : where === "prefix" ? `${attack}\n\n${base}` : `${base}\n\n${attack}`;

/** Grade an exemplar of a question with and without an attack text, as the interview does. */
export function gradeAttacked(pack: Pack, q: Question, base: string, attack: string, where: Placement) {
  const body = (text: string) => (q.kind === "coding" ? { code: text, language: "python" as const } : { text });
  const clean = gradeQuestion(q, [body(base)], { pack, gradingExemplar: base });
  const attacked = gradeQuestion(q, [body(placeAttack(base, attack, where))], { pack, gradingExemplar: base });
  const criteria = gradingCriteria(q);
  return {
    clean: questionScore(criteria, clean.scores),
    attacked: questionScore(criteria, attacked.scores),
    flagged: attacked.flags.length > 0,
  };
}
