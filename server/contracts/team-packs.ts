import { z } from "zod";
import { PackIssueSchema } from "./errors.js";
import { PublicQuestionSchema } from "./public-pack.js";
import { TokenRoleSchema } from "./roles.js";

/** Team pack authoring over HTTP (server/http/team-packs.ts): upload, version, read back, dry-run. */

export const VisibilitySchema = z.enum(["private", "unlisted", "public"]);
export type Visibility = z.infer<typeof VisibilitySchema>;
export const VISIBILITIES: readonly Visibility[] = VisibilitySchema.options;

/** GET /api/teams/me: which team a token belongs to, and what it may do there (the client hides the rest). */
export const TeamInfoSchema = z.object({ id: z.string(), name: z.string(), label: z.string(), role: TokenRoleSchema });
export type TeamInfo = z.infer<typeof TeamInfoSchema>;

/** The request body of an upload: the pack as YAML or JSON text, kept verbatim (not trimmed). */
export const PackSourceBodySchema = z
  .string({ message: "send the pack as the request body (YAML or JSON text)" })
  .refine((s) => s.trim().length > 0, "the request body is empty; send the pack as YAML or JSON");

export const PublishQuerySchema = z.object({
  visibility: VisibilitySchema.optional(),
  /**
   * The latest version the author's text was based on (0 for a new pack): a publish after someone else's is refused
   * with PACK_VERSION_STALE instead of silently replacing their change (session 18 red-team F3). Absent, the text is
   * stored as the next version whatever came before.
   */
  baseVersion: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export const PackVersionQuerySchema = z.object({ version: z.coerce.number().int().positive().optional() });

/** GET /packs items and the 201 body of a publish. */
export const PackSummarySchema = z.object({
  key: z.string(),
  id: z.string(),
  version: z.number().int(),
  visibility: VisibilitySchema,
  title: z.string(),
  questions: z.number().int(),
  rounds: z.array(z.string()),
  /**
   * Rules this version breaks that were added after it was published (e.g. `criterion-needs-model`): while any is
   * listed, no new interview or invite starts on it (PACK_NEEDS_FIX) until a fixed version is published; sessions taken
   * on it stay reviewable. Empty (or absent) for a pack that needs nothing.
   */
  needsFix: z.array(PackIssueSchema).optional(),
});
export type PackSummary = z.infer<typeof PackSummarySchema>;
/**
 * An upload's answer: the stored pack, and the warnings `validate` prints (e.g. check()-style test code a solution
 * could forge by returning constants), which used to be dropped on the way through the API.
 */
export const PublishedPackSchema = PackSummarySchema.extend({ warnings: z.array(z.string()) });

export const PackVersionInfoSchema = z.object({ version: z.number().int(), created_at: z.number(), visibility: VisibilitySchema });
export type PackVersionInfo = z.infer<typeof PackVersionInfoSchema>;

/** GET /packs/:packId[?version=N]. `pack` is the parsed pack (docs/scenario-format.md); the editor only needs `source`. */
export const PackDetailSchema = PackSummarySchema.extend({
  source: z.string().optional(),
  pack: z.record(z.string(), z.unknown()),
  versions: z.array(PackVersionInfoSchema),
});
export type PackDetail = z.infer<typeof PackDetailSchema>;

export const ValidateResultSchema = z.discriminatedUnion("valid", [
  z.object({
    valid: z.literal(true),
    issues: z.array(PackIssueSchema).max(0),
    /** What `validate` warns about (forgeable test code, a reference solution not run): the pack is still valid. */
    warnings: z.array(z.string()),
    pack: z.object({ id: z.string(), title: z.string(), rounds: z.number().int() }),
    preview: z.array(PublicQuestionSchema),
  }),
  z.object({ valid: z.literal(false), issues: z.array(PackIssueSchema), preview: z.array(PublicQuestionSchema).max(0) }),
]);
export type ValidateResult = z.infer<typeof ValidateResultSchema>;
