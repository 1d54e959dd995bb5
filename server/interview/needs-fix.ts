import type { PackRecord } from "../scenarios/index.js";
import { ServiceError } from "./service-error.js";

/**
 * No new interview on a stored version that breaks a rule added since it was published (PackRecord.needsFix): a
 * criterion graded only by fix-works would score 0 on every answer, silently. Sessions already taken on it are not
 * affected (they read their version as it is); publishing a fixed version makes the pack startable again.
 */
export function requireNoFixNeeded(record: PackRecord): void {
  const first = record.needsFix?.[0];
  if (!first) return;
  const more = record.needsFix!.length - 1;
  throw new ServiceError(
    "PACK_NEEDS_FIX",
    `pack "${record.key}" version ${record.version} was published before a rule it breaks (${first.code} at ${first.path}${more ? `, and ${more} more` : ""}): no new interview starts on it until its team publishes a fixed version`,
  );
}
