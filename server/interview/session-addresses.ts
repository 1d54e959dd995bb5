import { addressKey } from "../limits/index.js";

/** How many sessions' addresses are kept: far more than one server runs at once; the oldest are forgotten first. */
export const MAX_SESSION_ADDRESSES = 20_000;

/**
 * The client address that last held each session (started it, resumed it, opened its invite), so grading can take
 * turns between addresses before sessions (server/turns/fair-turns.ts). In memory and bounded: a session whose address is not
 * known here (recovered by another instance, or forgotten as the oldest) takes turns as a group of its own, as
 * every session did before.
 */
export function createSessionAddresses(max = MAX_SESSION_ADDRESSES) {
  const addresses = new Map<string, string>();
  return {
    /** The session is held from `address` now (a later holder replaces an earlier one); an IPv6 /64 is one address. */
    record(sessionId: string, address: string): void {
      // Re-inserted, so the Map's order stays oldest-recorded first.
      addresses.delete(sessionId);
      addresses.set(sessionId, addressKey(address));
      if (addresses.size > max) addresses.delete(addresses.keys().next().value!);
    },
    addressOf: (sessionId: string): string | undefined => addresses.get(sessionId),
  };
}
export type SessionAddresses = ReturnType<typeof createSessionAddresses>;
