import type { RequestHandler } from "express";
import { sendError } from "./errors.js";

/**
 * Bodies are read as UTF-8 only. The body parsers would decode any charset
 * iconv knows (UTF-7 included, whose "+ADw-" spells "<" and slips past
 * checks done on the bytes), so every other declared charset is refused before
 * any parser runs, with UNSUPPORTED_CHARSET. US-ASCII is a subset of UTF-8: it
 * reads the same, so it is accepted (as is the alias "utf8") and parsed as UTF-8.
 */
const ACCEPTED = new Set(["utf-8", "utf8", "us-ascii"]);

/** The charset parameter of a Content-Type header, lower-cased and unquoted; null when none is declared. */
export function declaredCharset(contentType: string | undefined): string | null {
  if (!contentType) return null;
  for (const param of contentType.split(";").slice(1)) {
    const eq = param.indexOf("=");
    if (eq === -1 || param.slice(0, eq).trim().toLowerCase() !== "charset") continue;
    return param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .toLowerCase();
  }
  return null;
}

export function utf8BodiesOnly(): RequestHandler {
  return (req, res, next) => {
    // Only a request that carries a body has anything to decode.
    const hasBody = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
    const charset = hasBody ? declaredCharset(req.get("content-type")) : null;
    if (charset === null) return next();
    if (ACCEPTED.has(charset)) {
      // Said as "utf8" or "us-ascii": the parsers below are told UTF-8 (some of them refuse the other names).
      if (charset !== "utf-8") req.headers["content-type"] = req.get("content-type")!.replace(/charset\s*=\s*"?[^";]*"?/i, "charset=utf-8");
      return next();
    }
    sendError(res, "UNSUPPORTED_CHARSET", `unsupported charset "${charset.slice(0, 40)}"; send the body as UTF-8 (charset=utf-8)`);
  };
}
