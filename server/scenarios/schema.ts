import { z } from "zod";

/**
 * The scenario pack format, declared once. Every other shape (public views,
 * loader results, generated JSON Schema later) is derived from these schemas.
 */

export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "an id of lowercase letters, digits and dashes");

export const LevelSchema = z.enum(["junior", "mid", "senior"]);
export type Level = z.infer<typeof LevelSchema>;

export const RoundKindSchema = z.enum(["coding", "system-design", "prompt-debugging", "behavioural"]);
export type RoundKind = z.infer<typeof RoundKindSchema>;

export const LanguageSchema = z.enum(["python", "typescript"]);
export type Language = z.infer<typeof LanguageSchema>;

/** A concept the grader looks for: any of its terms (case-insensitive, word start) counts. */
export const ConceptSchema = z.object({
  label: z.string().min(1),
  terms: z.array(z.string().min(1)).min(1),
});
export type Concept = z.infer<typeof ConceptSchema>;

const Anchor = z.string().min(1);

export const CriterionSchema = z.object({
  id: Slug,
  title: z.string().min(1),
  weight: z.number().positive(),
  description: z.string().min(1),
  /** What an answer at each level 0-4 looks like. */
  anchors: z.object({ "0": Anchor, "1": Anchor, "2": Anchor, "3": Anchor, "4": Anchor }),
  /** Evidence hints for the grader. Secret: never sent to a candidate. */
  evidence: z.object({ concepts: z.array(ConceptSchema).min(1) }),
  /** Follow-up questions the interviewer may ask when this criterion is unmet. */
  probes: z.array(z.string().min(1)).default([]),
  /** What a strong answer adds here; shown in the report after the session. */
  strongAnswerAdds: z.string().min(1).optional(),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const ExemplarSchema = z.object({
  level: z.enum(["strong", "adequate", "weak"]),
  answer: z.string().min(1),
  scores: z.record(z.string(), z.number().int().min(0).max(4)),
});
export type Exemplar = z.infer<typeof ExemplarSchema>;

export const QuestionSchema = z.object({
  id: Slug,
  kind: RoundKindSchema,
  level: LevelSchema,
  title: z.string().min(1),
  /** Markdown shown to the candidate. */
  prompt: z.string().min(1),
  timeGuideMinutes: z.number().positive(),
  starterCode: z.partialRecord(LanguageSchema, z.string()).optional(),
  rubric: z.array(CriterionSchema).min(1),
  maxFollowUps: z.number().int().min(0).max(3).default(1),
  /** Secret: labelled answers used for calibration and similarity. */
  exemplars: z.array(ExemplarSchema).default([]),
});
export type Question = z.infer<typeof QuestionSchema>;

export const RoundSchema = z.object({
  id: Slug,
  kind: RoundKindSchema,
  title: z.string().min(1),
  /** Round length; fractions allowed (test packs use seconds-long rounds). */
  minutes: z.number().positive(),
  /** Question ids this round draws from. */
  questions: z.array(Slug).min(1),
  /** How many questions a session asks from this round. */
  pick: z.number().int().positive().default(1),
});
export type Round = z.infer<typeof RoundSchema>;

export const PackSchema = z.object({
  id: Slug,
  version: z.number().int().positive(),
  title: z.string().min(1),
  description: z.string().min(1),
  rounds: z.array(RoundSchema).min(1),
  questions: z.array(QuestionSchema).min(1),
});
export type Pack = z.infer<typeof PackSchema>;
