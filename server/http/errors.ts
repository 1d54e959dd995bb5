import type { ErrorRequestHandler, Response } from "express";
import type { Logger } from "pino";
import { errorStatus, ServiceError, type ErrorBody, type ErrorCode, type PackIssue } from "../contracts/index.js";
import { requestLogger } from "./request-id.js";

/** HTTP errors use the same {code, message} as socket acks, with the code's one status. */
export function sendError(res: Response, code: ErrorCode, message: string, retryAfterMs?: number, issues?: PackIssue[]): void {
  if (retryAfterMs !== undefined) res.set("Retry-After", String(Math.ceil(retryAfterMs / 1000)));
  const body: ErrorBody = {
    error: { code, message, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
    ...(issues ? { issues } : {}),
  };
  res.status(errorStatus(code)).json(body);
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
      return { code: "UNSUPPORTED_CHARSET", message: `unsupported charset "${String(err.charset).slice(0, 40)}"; send UTF-8` };
    case "encoding.unsupported":
      return {
        code: "UNSUPPORTED_ENCODING",
        message: `unsupported content encoding "${String(err.encoding).slice(0, 40)}"; send it uncompressed (identity)`,
      };
    case "request.aborted":
    case "request.size.invalid":
      return { code: "BAD_PAYLOAD", message: "the request body was cut short or its length was wrong" };
  }
  const status = Number(err.status ?? err.statusCode);
  // The router rethrows decodeURIComponent's URIError (with status 400): told by its class, not its wording.
  if (err instanceof URIError) {
    return { code: "BAD_PAYLOAD", message: "the URL has a malformed percent-encoding (such as %ZZ)" };
  }
  if (status === 413) return { code: "PAYLOAD_TOO_LARGE", message: "request body is too large" };
  if (status >= 400 && status < 500) return { code: status === 404 ? "NOT_FOUND" : "BAD_PAYLOAD", message: "the request was malformed" };
  return null;
}

export function errorHandler(appLogger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const logger = requestLogger(res, appLogger);
    if (err instanceof ServiceError) return sendError(res, err.code, err.message, err.retryAfterMs, err.issues);
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
