import type { Draft } from "./draft.js";
import type { ErrorCode, PackIssue } from "./errors.js";

/**
 * An error a client caused and should read: it becomes an error ack or an HTTP
 * error body with its code's status, never a crash. Shared by every layer
 * that refuses requests (interview, teams, history, http), so none borrows it from another.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** RATE_LIMITED: when the same request would be accepted again. */
    readonly retryAfterMs?: number,
    /** PACK_INVALID: the pack's problems. */
    readonly issues?: PackIssue[],
    /** DRAFT_STALE: the draft stored now. */
    readonly draft?: Draft,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}
