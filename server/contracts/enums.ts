import { z } from "zod";

/** The vocabularies the wire and the pack format share; the pack schema imports them from here. */
export const LevelSchema = z.enum(["junior", "mid", "senior"]);
export type Level = z.infer<typeof LevelSchema>;

export const RoundKindSchema = z.enum(["coding", "system-design", "prompt-debugging", "behavioural"]);
export type RoundKind = z.infer<typeof RoundKindSchema>;

export const LanguageSchema = z.enum(["python", "typescript"]);
export type Language = z.infer<typeof LanguageSchema>;
