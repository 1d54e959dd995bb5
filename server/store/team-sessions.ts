import type { Kysely } from "kysely";
import type { SessionRow } from "./sessions.js";
import type { Database } from "./tables.js";

/** Sessions as a hiring team sees them: those of its invites and those on its packs. */
export function createTeamSessionsRepo(db: Kysely<Database>) {
  const ownedBy = (teamId: string) =>
    db
      .selectFrom("sessions")
      .selectAll()
      // Team ids are [a-z0-9-] (teamIdFrom), so the LIKE prefix has no wildcard to escape.
      .where((eb) => eb.or([eb("team_id", "=", teamId), eb("pack_id", "like", `${teamId}/%`)]));
  return {
    async link(sessionId: string, teamId: string, inviteId: string): Promise<void> {
      await db.updateTable("sessions").set({ team_id: teamId, invite_id: inviteId }).where("id", "=", sessionId).execute();
    },
    async list(teamId: string): Promise<SessionRow[]> {
      return ownedBy(teamId).orderBy("created_at", "desc").orderBy("id").limit(5000).execute();
    },
    async get(teamId: string, sessionId: string): Promise<SessionRow | undefined> {
      return ownedBy(teamId).where("id", "=", sessionId).executeTakeFirst();
    },
  };
}
