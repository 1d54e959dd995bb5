import { TEAM_SEES, type PackAuthor } from "../contracts/index.js";

/**
 * Who a candidate is told they are sitting for, and what that team will see: one answer for the lobby's
 * team packs and for invites. A team that is gone is named by its id, so the notice never goes blank.
 */
export function teamAuthor(teamId: string, teamName: string | undefined): PackAuthor {
  return { teamId, teamName: teamName ?? teamId, teamSees: [...TEAM_SEES] };
}
