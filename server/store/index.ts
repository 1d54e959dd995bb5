import type { Kysely } from "kysely";
import { createAnswersRepo } from "./answers.js";
import { createDraftsRepo } from "./drafts.js";
import { createEventsRepo } from "./events.js";
import { createPacksRepo } from "./packs.js";
import { createSessionsRepo } from "./sessions.js";
import { createShareLinksRepo } from "./share-links.js";
import { createTeamsRepo } from "./teams.js";
import { createInvitesRepo } from "./invites.js";
import { createSignalsRepo } from "./integrity-signals.js";
import { createOverridesRepo } from "./score-overrides.js";
import { createTeamSessionsRepo } from "./team-sessions.js";
import type { Database } from "./tables.js";

export { openSqlite } from "./sqlite.js";
export { openDatabase, type DatabaseTarget, type OpenDatabase } from "./database.js";
export type { PostgresTarget } from "./postgres.js";
export { migrateToLatest } from "./migrations.js";
export { StoredDataError, planOf, reportOf, inviteRoundsOf } from "./stored-json.js";
export { acquireDataDirLock, DataDirLockedError } from "./data-dir-lock.js";
export { announceServerUrl, runningServerUrl } from "./running-server.js";
export type { SessionRow } from "./sessions.js";
export type { StoredEvent } from "./events.js";
export type { DraftRow } from "./drafts.js";
export type { PackMeta, PackRow } from "./packs.js";
export type { TeamRow, TeamTokenEventRow, TeamTokenRow } from "./teams.js";
export type { InviteRow } from "./invites.js";
export type { SignalRow } from "./integrity-signals.js";
export type { OverrideRow } from "./score-overrides.js";

export function createStore(db: Kysely<Database>) {
  return {
    sessions: createSessionsRepo(db),
    events: createEventsRepo(db),
    answers: createAnswersRepo(db),
    drafts: createDraftsRepo(db),
    teams: createTeamsRepo(db),
    packs: createPacksRepo(db),
    shareLinks: createShareLinksRepo(db),
    invites: createInvitesRepo(db),
    signals: createSignalsRepo(db),
    overrides: createOverridesRepo(db),
    teamSessions: createTeamSessionsRepo(db),
  };
}
export type Store = ReturnType<typeof createStore>;
