import type { ErrorCode } from "../contracts/index.js";

/** An error a client caused and should read: it becomes an error ack, not a crash. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** RATE_LIMITED: when the same request would be accepted again. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}
