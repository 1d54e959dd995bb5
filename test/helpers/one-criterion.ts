import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { CriterionSchema, PackSchema, QuestionSchema, type Criterion, type Pack, type Question } from "../../server/scenarios/index.js";

/**
 * Packs of one question with one criterion, written the way a hiring team writes a question from an
 * answer key (docs/scenario-format.md). Grading unit tests build their cases with these instead of
 * spelling out the whole pack each time.
 */
export type KeyPoint = { label: string; terms: string[] };
export type ExemplarSpec = { level: "strong" | "adequate" | "weak"; answer: string; score: number };

export const ANCHORS = { "0": "Wrong.", "1": "A minor point.", "2": "Half.", "3": "Most.", "4": "All." };

/** One criterion with the given key points; `enough` is how many of them a full answer needs. */
export function keyPointCriterion(options: {
  concepts: KeyPoint[];
  criterionId?: string;
  criterionTitle?: string;
  description?: string;
  enough?: number;
  anchors?: Record<"0" | "1" | "2" | "3" | "4", string>;
}): Criterion {
  return CriterionSchema.parse({
    id: options.criterionId ?? "correct",
    title: options.criterionTitle ?? "Correct",
    weight: 1,
    description: options.description ?? "States the key point.",
    anchors: options.anchors ?? ANCHORS,
    evidence: { concepts: options.concepts, ...(options.enough ? { enough: options.enough } : {}) },
  });
}

/** A pack holding one system-design question with that one criterion and the given exemplars. */
export function oneCriterionPack(options: {
  prompt: string;
  concepts: KeyPoint[];
  exemplars: ExemplarSpec[];
  id?: string;
  title?: string;
  criterionId?: string;
  criterionTitle?: string;
  description?: string;
  enough?: number;
  anchors?: Record<"0" | "1" | "2" | "3" | "4", string>;
}): Pack {
  const criterion = keyPointCriterion(options);
  return PackSchema.parse({
    id: `${options.id ?? "q"}-pack`,
    title: options.title ?? "Question",
    description: "A one-question pack written for a grading test.",
    rounds: [{ id: "all", kind: "system-design", title: "All", minutes: 10, pick: 1 }],
    questions: [
      {
        id: options.id ?? "q",
        kind: "system-design",
        level: "junior",
        title: options.title ?? "Question",
        prompt: options.prompt,
        timeGuideMinutes: 2,
        rubric: [criterion],
        exemplars: options.exemplars.map((e) => ({ level: e.level, answer: e.answer, scores: { [criterion.id]: e.score } })),
      },
    ],
  });
}

/** Grades one answer to the pack's only question: the question's score (0-100), its criterion and its flags. */
export function gradeOne(pack: Pack, text: string) {
  const q = pack.questions[0]!;
  const graded = gradeQuestion(q, [{ text }], { pack });
  return { score: questionScore(q.rubric, graded.scores), criterion: graded.scores[0]!, flags: graded.flags };
}

/** A bare question (no pack) with one key-point criterion and one strong exemplar. */
export function keyPointQuestion(id: string, prompt: string, concepts: KeyPoint[], strong: string): Question {
  return QuestionSchema.parse({
    id,
    kind: "system-design",
    level: "junior",
    title: id,
    prompt,
    timeGuideMinutes: 3,
    rubric: [keyPointCriterion({ concepts })],
    exemplars: [{ level: "strong", answer: strong, scores: { correct: 4 } }],
  });
}

/** One criterion whose key points are single terms, each its own label, as a mechanical author writes them. */
export const singleTermCriterion = (...terms: string[]): Criterion =>
  keyPointCriterion({ criterionId: "c", criterionTitle: "c", concepts: terms.map((t) => ({ label: t, terms: [t] })) });
