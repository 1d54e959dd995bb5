import { z } from "zod";
import { describeZodError, PlanSchema, ReportSchema, ServerEventSchemas, type Plan, type Report } from "../contracts/index.js";
import type { InviteRow } from "./invites.js";
import type { SessionRow } from "./sessions.js";

/**
 * JSON columns are read back through their zod schema, never with a cast: a
 * row written by an older version (or edited by hand) either still fits its
 * schema (defaults fill newer fields) or fails here with one clear error that
 * names the row, instead of a wrong shape failing somewhere far away.
 */
export class StoredDataError extends Error {
  override name = "StoredDataError";
}

export function readStoredJson<S extends z.ZodType>(schema: S, text: string, where: string): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new StoredDataError(`${where} is not valid JSON`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new StoredDataError(`${where} does not match its schema: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/** The session's plan (owned by the row, written once at start). */
export const planOf = (row: Pick<SessionRow, "id" | "plan_json">): Plan =>
  readStoredJson(PlanSchema, row.plan_json, `sessions.plan_json of ${row.id}`);

/** The finished session's report; null while it runs. */
export const reportOf = (row: Pick<SessionRow, "id" | "status" | "report_json">): Report | null =>
  row.status === "complete" && row.report_json ? readStoredJson(ReportSchema, row.report_json, `sessions.report_json of ${row.id}`) : null;

const RoundIds = z.array(z.string());
/** The rounds an invite chose; null means all of the pack's. */
export const inviteRoundsOf = (row: Pick<InviteRow, "id" | "rounds_json">): string[] | null =>
  row.rounds_json === null ? null : readStoredJson(RoundIds, row.rounds_json, `invites.rounds_json of ${row.id}`);

/** Stored events lack what the store stamps on the way out (seq, sessionId). */
const storedPayloads = Object.fromEntries(
  Object.entries(ServerEventSchemas).map(([name, schema]) => [name, (schema as z.ZodObject).omit({ seq: true, sessionId: true })]),
) as Record<string, z.ZodType<Record<string, unknown>>>;

export function eventPayloadOf(type: string, json: string, where: string): Record<string, unknown> {
  const schema = storedPayloads[type];
  if (!schema) throw new StoredDataError(`${where} has an unknown event type "${type.slice(0, 40)}"`);
  return readStoredJson(schema, json, where);
}
