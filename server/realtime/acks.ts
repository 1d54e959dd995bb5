import { describeZodError, ServiceError, type Ack, type AckError } from "../contracts/index.js";

export { describeZodError };

export function toAckError(err: unknown): AckError {
  if (err instanceof ServiceError) {
    return {
      ok: false,
      error: {
        code: err.code,
        message: err.message,
        ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}),
        ...(err.draft ? { draft: err.draft } : {}),
      },
    };
  }
  return { ok: false, error: { code: "INTERNAL", message: "the server failed to handle this request; it has been logged" } };
}

export type AckFn<T> = (result: Ack<T>) => void;
