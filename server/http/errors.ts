import type { ErrorRequestHandler, Response } from "express";
import type { Logger } from "pino";
import type { ErrorCode } from "../contracts/index.js";
import { ServiceError } from "../interview/index.js";
import { requestLogger } from "./request-id.js";

const STATUS: Record<ErrorCode, number> = {
  BAD_PAYLOAD: 400,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SESSION_OVER: 409,
  INTERNAL: 500,
};

/** HTTP errors use the same {code, message} as socket acks. */
export function sendError(res: Response, code: ErrorCode, message: string, retryAfterMs?: number): void {
  if (retryAfterMs !== undefined) res.set("Retry-After", String(Math.ceil(retryAfterMs / 1000)));
  res.status(STATUS[code]).json({ error: { code, message, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) } });
}

/** What body parsing and URL decoding throw for a client's mistake, in words the client can act on. */
function clientMistake(err: {
  type?: unknown;
  status?: unknown;
  statusCode?: unknown;
  limit?: unknown;
  charset?: unknown;
  encoding?: unknown;
  message?: unknown;
}): { code: ErrorCode; message: string } | null {
  switch (err.type) {
    case "entity.too.large":
      return {
        code: "PAYLOAD_TOO_LARGE",
        message: `request body is larger than the ${typeof err.limit === "number" ? `${Math.round(err.limit / 1000)} kB` : "allowed"} limit`,
      };
    case "entity.parse.failed":
      return { code: "BAD_PAYLOAD", message: "request body is not valid JSON" };
    case "charset.unsupported":
      return { code: "BAD_PAYLOAD", message: `unsupported charset "${String(err.charset).slice(0, 40)}"; send UTF-8` };
    case "encoding.unsupported":
      return {
        code: "BAD_PAYLOAD",
        message: `unsupported content encoding "${String(err.encoding).slice(0, 40)}"; send it uncompressed (identity)`,
      };
    case "request.aborted":
    case "request.size.invalid":
      return { code: "BAD_PAYLOAD", message: "the request body was cut short or its length was wrong" };
  }
  const status = Number(err.status ?? err.statusCode);
  if (err instanceof URIError || (status === 400 && /decode/i.test(String(err.message)))) {
    return { code: "BAD_PAYLOAD", message: "the URL has a malformed percent-encoding (such as %ZZ)" };
  }
  if (status === 413) return { code: "PAYLOAD_TOO_LARGE", message: "request body is too large" };
  if (status >= 400 && status < 500) return { code: status === 404 ? "NOT_FOUND" : "BAD_PAYLOAD", message: "the request was malformed" };
  return null;
}

export function errorHandler(appLogger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const logger = requestLogger(res, appLogger);
    if (err instanceof ServiceError) return sendError(res, err.code, err.message, err.retryAfterMs);
    const mistake = err && typeof err === "object" ? clientMistake(err) : null;
    if (mistake) {
      // A client's mistake, not the server's: no stack trace in the log.
      logger.debug({ type: err.type, status: err.status }, "bad request refused");
      return sendError(res, mistake.code, mistake.message);
    }
    logger.error({ err }, "http handler failed");
    sendError(res, "INTERNAL", "the server failed to handle this request; it has been logged");
  };
}
