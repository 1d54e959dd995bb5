import { z } from "zod";

/**
 * What a team token may do (docs/protocol.md "Team roles"). Not a ladder: an editor writes packs and invites
 * candidates but never changes a score; a reviewer changes scores and exports the dashboard but never publishes.
 * - owner: everything, including the team's tokens (mint, list, rotate, revoke).
 * - editor: read, plus write/validate/publish packs, authoring help, invite and withdraw invites.
 * - reviewer: read, plus override scores (audited) and export the dashboard as CSV.
 * - viewer: read only (packs, invites, sessions, one session, compare).
 */
const ROLE_NAMES = ["owner", "editor", "reviewer", "viewer"] as const;
export const TokenRoleSchema = z.enum(ROLE_NAMES, { message: `role must be one of ${ROLE_NAMES.join(", ")}` });
export type TokenRole = z.infer<typeof TokenRoleSchema>;
export const TOKEN_ROLES: readonly TokenRole[] = TokenRoleSchema.options;

/**
 * What each role may do, in a few words: the CLI's help and messages are written from this and TOKEN_ROLES, so they
 * name only roles the API takes (an outside tester found the CLI's words and the API's apart).
 */
export const ROLE_DUTIES: Readonly<Record<TokenRole, string>> = {
  owner: "everything, tokens too",
  editor: "packs, invites",
  reviewer: "overrides, CSV",
  viewer: "read only",
};

/** Who may call a team route: the route table names one of these per team route (server/contracts/routes.ts). */
export const ROLES_THAT = {
  read: TOKEN_ROLES,
  author: ["owner", "editor"],
  review: ["owner", "reviewer"],
  manageTokens: ["owner"],
} as const satisfies Record<string, readonly TokenRole[]>;

/** Which roles a token of each role may hand out: its own and those that can do a subset of what it can. */
const GRANTS: Record<TokenRole, readonly TokenRole[]> = {
  owner: TOKEN_ROLES,
  editor: ["editor", "viewer"],
  reviewer: ["reviewer", "viewer"],
  viewer: ["viewer"],
};
export const canGrant = (granter: TokenRole, role: TokenRole): boolean => GRANTS[granter].includes(role);

/** "the owner role" / "the owner or editor role": how refusals name the role a route needs. */
export const describeRoles = (roles: readonly TokenRole[]): string =>
  `the ${roles.length === 1 ? roles[0] : `${roles.slice(0, -1).join(", ")} or ${roles.at(-1)}`} role`;

/** "an owner", "an editor", "a reviewer", "a viewer": the role with its article, for refusals. */
export const aRole = (role: TokenRole): string => `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;
