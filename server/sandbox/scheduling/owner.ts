import type { Ticket } from "./fair-queue.js";

let anonymous = 0;

/**
 * The queue owner for a run: the session it belongs to, or, for runs with no
 * candidate behind them (validate, run-code), an owner of its own, so such
 * runs are not held to one slot between them.
 */
export function ownerOf(owner: string | undefined): string {
  return owner ?? `anonymous:${++anonymous}`;
}

/** The queue ticket for a request: its owner, its group (client address or team), and whether it is background work. */
export function ticketOf(request: { owner?: string | undefined; group?: string | undefined; background?: boolean | undefined }): Ticket {
  return { owner: ownerOf(request.owner), group: request.group, background: request.background };
}
