import { sql, type Kysely } from "kysely";
import type { Database } from "../store/tables.js";
import { LeaseLostError } from "./fenced-checkpointer.js";

/**
 * Append an event only while this instance still holds the session under
 * `fence`, in one statement (one round trip): the lease row is share-locked
 * for the statement, so a takeover waits for the append or the append sees
 * the lease gone; the seq and the key rule are those of store/events.ts.
 * Returns the new seq, or null when an event with this key was stored before;
 * throws LeaseLostError when the session changed hands.
 */
export async function appendFenced(
  db: Kysely<Database>,
  lease: { instanceId: string; sessionId: string; fence: number },
  event: { type: string; payload: object; now: number; key: string | null },
): Promise<number | null> {
  const { instanceId, sessionId, fence } = lease;
  const { rows } = await sql<{ held: number; seq: number | null }>`
    with lease as (
      select 1 from session_leases
      where session_id = ${sessionId} and holder = ${instanceId} and fence = ${fence} and held = 1
      for share
    ), appended as (
      insert into events (session_id, seq, type, payload_json, created_at, event_key)
      select cast(${sessionId} as text), coalesce(max(seq), 0) + 1, cast(${event.type} as text),
             cast(${JSON.stringify(event.payload)} as text), cast(${event.now} as bigint), cast(${event.key} as text)
      from events where session_id = ${sessionId}
      having exists (select 1 from lease)
      on conflict (session_id, event_key) do nothing
      returning seq
    )
    select (select count(*) from lease) as held, (select seq from appended) as seq`.execute(db);
  const row = rows[0];
  if (!row || Number(row.held) === 0) throw new LeaseLostError(sessionId);
  return row.seq === null ? null : Number(row.seq);
}
