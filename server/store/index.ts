import type { Kysely } from "kysely";
import { createAnswersRepo } from "./answers.js";
import { createDraftsRepo } from "./drafts.js";
import { createEventsRepo } from "./events.js";
import { createGradesRepo } from "./grades.js";
import { createSessionsRepo } from "./sessions.js";
import type { Database } from "./tables.js";

export { openSqlite, type SqliteHandle } from "./sqlite.js";
export { migrateToLatest } from "./migrations.js";
export type { SessionRow } from "./sessions.js";
export type { StoredEvent } from "./events.js";
export type { DraftRow } from "./drafts.js";
export type { AnswerRow } from "./answers.js";

export function createStore(db: Kysely<Database>) {
  return {
    sessions: createSessionsRepo(db),
    events: createEventsRepo(db),
    answers: createAnswersRepo(db),
    drafts: createDraftsRepo(db),
    grades: createGradesRepo(db),
  };
}
export type Store = ReturnType<typeof createStore>;
