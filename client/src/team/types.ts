import type { PublicQuestion } from "../../../server/contracts/index.js";

/**
 * The team authoring API's response shapes (server/http/team-packs.ts), declared
 * here because the client may only import the shared wire contract.
 */
export type Visibility = "private" | "unlisted" | "public";
export const VISIBILITIES: readonly Visibility[] = ["private", "unlisted", "public"];

export type TeamInfo = { id: string; name: string };

/** GET /packs items and the 201 body of a publish. */
export type PackSummary = {
  key: string;
  id: string;
  version: number;
  visibility: Visibility;
  title: string;
  questions: number;
  rounds: string[];
};

export type PackVersionInfo = { version: number; created_at: number; visibility: Visibility };

/** GET /packs/:packId[?version=N]. `pack` is the parsed pack; the editor only needs `source`. */
export type PackDetail = PackSummary & { source: string | undefined; versions: PackVersionInfo[] };

/** One problem in a pack; line and column are 1-based and refer to the text sent. */
export type PackIssue = { file: string; path: string; line?: number; column?: number; message: string };

export type ValidateResult =
  | { valid: true; issues: []; pack: { id: string; title: string; rounds: number }; preview: PublicQuestion[] }
  | { valid: false; issues: PackIssue[]; preview: [] };
