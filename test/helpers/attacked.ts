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

/**
 * Every attack in every placement on the weak and adequate exemplars of each question: the attacks that
 * raised a score above the clean answer's, and those that went unflagged (each as "id/level/placement: ...").
 */
export function placementSweep(pack: Pack, questions: Question[], attacksFor: (q: Question) => string[]) {
  const raised: string[] = [];
  const missed: string[] = [];
  for (const q of questions) {
    const attacks = attacksFor(q);
    for (const level of ["weak", "adequate"] as const) {
      const base = q.exemplars.find((e) => e.level === level)!.answer;
      for (const attack of attacks)
        for (const where of PLACEMENTS) {
          const r = gradeAttacked(pack, q, base, attack, where);
          if (r.attacked > r.clean) raised.push(`${q.id}/${level}/${where}: ${r.clean} -> ${r.attacked}: ${attack}`);
          if (!r.flagged) missed.push(`${q.id}/${level}/${where}: ${attack}`);
        }
    }
  }
  return { raised, missed };
}
