import type { Response } from "express";

/**
 * Aborted when the response's connection closes before the response was sent: the client cancelled the request or
 * went away, and nobody is left to read the answer. Work that costs minutes (a pack validation running reference
 * solutions) takes it and stops, instead of running on for its whole budget (session 18 red-team F6).
 */
export function clientLeft(res: Response): AbortSignal {
  const left = new AbortController();
  // Closed already (the client left while its body was read): the close event has been and gone.
  if (res.closed && !res.writableFinished) left.abort();
  else
    res.once("close", () => {
      if (!res.writableFinished) left.abort();
    });
  return left.signal;
}
