import { TEAM_SEES, TEAM_SEES_WITHOUT_INVITE, type PackAuthor } from "../contracts/index.js";

/**
 * Who a candidate is told they are sitting for, and what that team will see: one answer for the lobby's
 * team packs (`lobby`, also a pack link) and for invites. A team that is gone is named by its id, so the notice never goes blank.
 */
export function teamAuthor(teamId: string, teamName: string | undefined, start: "invite" | "lobby"): PackAuthor {
  // Integrity signals are recorded for invited candidates only: the lobby must not promise (or warn of) them.
  return { teamId, teamName: teamName ?? teamId, teamSees: [...(start === "invite" ? TEAM_SEES : TEAM_SEES_WITHOUT_INVITE)] };
}
