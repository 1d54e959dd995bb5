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
   * on it stay reviewable. Empty for a pack that needs nothing (always sent: every team pack answer has the same fields).
   */
  needsFix: z.array(PackIssueSchema),
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
  /** The text as uploaded; null for a version stored without it (the field is always sent). */
  source: z.string().nullable(),
  pack: z.record(z.string(), z.unknown()),
  versions: z.array(PackVersionInfoSchema),
});
export type PackDetail = z.infer<typeof PackDetailSchema>;

/**
 * The dry run's answer, valid or not, with the same fields every time (an outside tester found the invalid answer
 * lacked `warnings`): a client reads `warnings` and `issues` without first asking which shape it got. When `valid` is
 * false, `issues` lists the problems (the first 50), `pack` is null and `preview` is empty; `warnings` still carries
 * what verification found before it stopped (forgeable test code, a reference solution not run).
 */
export const ValidateResultSchema = z
  .object({
    valid: z.boolean(),
    issues: z.array(PackIssueSchema),
    warnings: z.array(z.string()),
    pack: z.object({ id: z.string(), title: z.string(), rounds: z.number().int() }).nullable(),
    preview: z.array(PublicQuestionSchema),
  })
  .refine((r) => r.valid === (r.issues.length === 0) && r.valid === (r.pack !== null) && (r.valid || r.preview.length === 0), {
    message: "valid means no issues, a pack and its preview; invalid means issues, no pack and no preview",
  });
export type ValidateResult = z.infer<typeof ValidateResultSchema>;
