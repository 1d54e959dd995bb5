import { z } from "zod";
import type { PackRecord } from "./catalog.js";
import { LanguageSchema, LevelSchema, RoundKindSchema, roundQuestionIds, type Pack, type Question } from "./schema.js";
import { instantiateQuestion } from "./variants/index.js";

/**
 * What a candidate's browser may see of a pack. Built by picking fields
 * (allow-list), never by deleting secrets, so a new secret field in the pack
 * format stays server-side by default.
 */
export const PublicRoundSchema = z.object({
  id: z.string(),
  kind: RoundKindSchema,
  title: z.string(),
  minutes: z.number(),
  questionCount: z.number().int(),
});

export const PublicPackSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  levels: z.array(LevelSchema),
  rounds: z.array(PublicRoundSchema),
});
export type PublicPack = z.infer<typeof PublicPackSchema>;

export const PublicQuestionSchema = z.object({
  id: z.string(),
  kind: RoundKindSchema,
  level: LevelSchema,
  title: z.string(),
  prompt: z.string(),
  timeGuideMinutes: z.number(),
  starterCode: z.partialRecord(LanguageSchema, z.string()).optional(),
  visibleTests: z.array(z.object({ name: z.string(), args: z.array(z.unknown()), expected: z.unknown() })).optional(),
});
export type PublicQuestion = z.infer<typeof PublicQuestionSchema>;

export function toPublicPack(record: PackRecord): PublicPack {
  const { pack } = record;
  const levels = LevelSchema.options.filter((level) => pack.questions.some((q) => q.level === level));
  return {
    id: record.key,
    version: record.version,
    title: pack.title,
    description: pack.description,
    levels,
    rounds: pack.rounds.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      minutes: r.minutes,
      questionCount: Math.min(r.pick, roundQuestionIds(pack, r).length),
    })),
  };
}

export function toPublicQuestion(question: Question): PublicQuestion {
  // Outside a session a question with variables shows its default variant, never raw {{placeholders}}.
  const q = instantiateQuestion(question, null);
  return {
    id: q.id,
    kind: q.kind,
    level: q.level,
    title: q.title,
    prompt: q.prompt,
    timeGuideMinutes: q.timeGuideMinutes,
    ...(q.starterCode ? { starterCode: { ...q.starterCode } } : {}),
    ...(q.coding ? { visibleTests: visibleTests(q) } : {}),
  };
}

/** Only tests marked visible, and only their name, inputs and expected output. */
export function visibleTests(q: Question): { name: string; args: unknown[]; expected: unknown }[] {
  return (q.coding?.tests ?? []).filter((t) => t.visible).map((t) => ({ name: t.name, args: t.args, expected: t.expected }));
}
