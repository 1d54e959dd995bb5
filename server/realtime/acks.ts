import type { z } from "zod";
import type { Ack, AckError } from "../contracts/index.js";
import { ServiceError } from "../interview/index.js";

/** Name every field that was wrong, in one readable line. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join(".") : "payload"}: ${i.message}`)
    .join("; ");
}

export function toAckError(err: unknown): AckError {
  if (err instanceof ServiceError) return { ok: false, error: { code: err.code, message: err.message } };
  return { ok: false, error: { code: "INTERNAL", message: "the server failed to handle this request; it has been logged" } };
}

export type AckFn<T> = (result: Ack<T>) => void;
