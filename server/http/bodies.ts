import express, { type RequestHandler } from "express";
import { sendError } from "./errors.js";
import { continueIfExpected } from "./expect-continue.js";

/**
 * Body readers that refuse a declared Content-Length over their limit at once.
 * express's parsers, refusing it, first read the rest of the body away before
 * answering: a client that declares 1 GB and sends two bytes got no answer at
 * all until its own timeout. Here it gets 413 and the connection is closed
 * (with `Expect: 100-continue`, before any "100 Continue": expect-continue.ts).
 */
function declaredLengthWithin(limit: number): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (!(declared > limit)) {
      // Within the limit: a client that sent `Expect: 100-continue` may send its body now.
      continueIfExpected(req, res);
      return next();
    }
    res.set("Connection", "close");
    sendError(res, "PAYLOAD_TOO_LARGE", `request body is larger than the ${Math.round(limit / 1000)} kB limit`);
  };
}

/**
 * Bodies are read as sent, never inflated (`inflate: false`): a compressed body is 400
 * UNSUPPORTED_ENCODING, whatever its scheme, as docs/protocol.md says. Inflating would let a
 * small upload expand up to the limit, and gzip, deflate and br each failed in their own words.
 */
const AS_SENT = { inflate: false } as const;

/** A JSON body of at most `limit` bytes. */
export const jsonBody = (limit: number): RequestHandler[] => [declaredLengthWithin(limit), express.json({ limit, ...AS_SENT })];

/** Any body as text (pack YAML or JSON), at most `limit` bytes. */
export const textBody = (limit: number): RequestHandler[] => [
  declaredLengthWithin(limit),
  express.text({ type: () => true, limit, ...AS_SENT }),
];
