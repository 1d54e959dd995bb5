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

export const PublicPackSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  team: PackAuthorSchema.nullable(),
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
