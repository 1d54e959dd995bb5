import { z } from "zod";
import { LanguageSchema, LevelSchema, RoundKindSchema } from "./enums.js";

/**
 * What a candidate's browser may see of a pack. The server builds these by
 * picking fields (allow-list, server/scenarios/public.ts), never by deleting
 * secrets, so a new secret field in the pack format stays server-side by default.
 */
export const PublicRoundSchema = z.object({
  id: z.string(),
  kind: RoundKindSchema,
  title: z.string(),
  minutes: z.number(),
  questionCount: z.number().int(),
});

/**
 * Who wrote a team's pack and what that team sees of a session taken on it: shown before a
 * candidate starts, so a team pack never passes for the built-in one. Null for built-in packs.
 */
export const PackAuthorSchema = z.object({ teamId: z.string(), teamName: z.string(), teamSees: z.array(z.string()) });
export type PackAuthor = z.infer<typeof PackAuthorSchema>;

/**
 * A team pack whose latest version breaks a rule added after it was published (server/scenarios/stored-problems.ts):
 * no interview starts on it (PACK_NEEDS_FIX) until its team publishes a fixed version. The rules' codes and a
 * sentence for the candidate; where in the rubric the problem is stays with the team (its pack list names it).
 */
export const PublicNeedsFixSchema = z.object({ codes: z.array(z.string()), reason: z.string() });
export type PublicNeedsFix = z.infer<typeof PublicNeedsFixSchema>;

export const PublicPackSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  team: PackAuthorSchema.nullable(),
  levels: z.array(LevelSchema),
  rounds: z.array(PublicRoundSchema),
  /** Null when an interview can start on it. */
  needsFix: PublicNeedsFixSchema.nullable(),
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
