import type { Insertable, Kysely, Selectable } from "kysely";
import type { Database, DraftsTable } from "./tables.js";

export type DraftRow = Selectable<DraftsTable>;
type DraftContent = Omit<Insertable<DraftsTable>, "revision">;

/** What a save did: stored as `revision`, or refused because the stored draft is `current` (another tab saved). */
export type DraftSaveOutcome = { saved: true; revision: number } | { saved: false; current: DraftRow | undefined };

export function createDraftsRepo(db: Kysely<Database>) {
  const get = (sessionId: string, questionId: string): Promise<DraftRow | undefined> =>
    db.selectFrom("drafts").selectAll().where("session_id", "=", sessionId).where("question_id", "=", questionId).executeTakeFirst();
  /**
   * Keep only the latest draft per question, as the next revision. With `base` (the revision the text was typed
   * on), only when the stored draft is still that revision (0: none yet): a tab whose text is older than another
   * tab's save gets `saved: false` and the stored draft, which is left as it is. Without `base` (a client from
   * before revisions), the save goes over whatever is stored. Compare-and-set in the statement itself, so two
   * saves on the same revision never both win.
   */
  const save = async (row: DraftContent, base: number | undefined): Promise<DraftSaveOutcome> => {
    const current = await get(row.session_id, row.question_id);
    const at = current?.revision ?? 0;
    if (base !== undefined && base !== at) return { saved: false, current };
    const revision = at + 1;
    if (!current) {
      const inserted = await db
        .insertInto("drafts")
        .values({ ...row, revision })
        .onConflict((oc) => oc.columns(["session_id", "question_id"]).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { saved: true, revision };
    } else {
      const updated = await db
        .updateTable("drafts")
        .set({ text: row.text, code: row.code, language: row.language, saved_at: row.saved_at, revision })
        .where("session_id", "=", row.session_id)
        .where("question_id", "=", row.question_id)
        .where("revision", "=", at)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 1) return { saved: true, revision };
    }
    // Another save landed between the read and the write.
    if (base === undefined) return save(row, undefined);
    return { saved: false, current: await get(row.session_id, row.question_id) };
  };
  return { get, save };
}
