import { z } from "zod";

/**
 * Read-only share links: their own random token (never the resume token),
 * revocable by whoever holds the session's resume token.
 */
export const ShareTokenSchema = z.string().regex(/^shr_[A-Za-z0-9_-]{20,80}$/, "not a share link token");

export const ShareCreatedSchema = z.object({
  token: z.string(),
  /** Client path that opens the read-only report. */
  path: z.string(),
  createdAt: z.number(),
});
export type ShareCreated = z.infer<typeof ShareCreatedSchema>;

export const ShareRevokedSchema = z.object({ revoked: z.number().int() });
