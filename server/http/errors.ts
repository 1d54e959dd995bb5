import type { ErrorRequestHandler, Response } from "express";
import type { Logger } from "pino";
import type { ErrorCode } from "../contracts/index.js";
import { ServiceError } from "../interview/index.js";

const STATUS: Record<ErrorCode, number> = {
  BAD_PAYLOAD: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SESSION_OVER: 409,
  INTERNAL: 500,
};

/** HTTP errors use the same {code, message} as socket acks. */
export function sendError(res: Response, code: ErrorCode, message: string): void {
  res.status(STATUS[code]).json({ error: { code, message } });
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof ServiceError) return sendError(res, err.code, err.message);
    if (err?.type === "entity.parse.failed") return sendError(res, "BAD_PAYLOAD", "request body is not valid JSON");
    logger.error({ err }, "http handler failed");
    sendError(res, "INTERNAL", "the server failed to handle this request; it has been logged");
  };
}
