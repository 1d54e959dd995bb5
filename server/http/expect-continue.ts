import type { IncomingMessage, Server, ServerResponse } from "node:http";

/**
 * `Expect: 100-continue`, answered by the route instead of by Node. Node sends
 * "100 Continue" for every such request before any route runs, so a client
 * declaring a body over the route's limit was told to send it, then got 413.
 * Here the request goes through the routes unanswered; the body reader
 * (bodies.ts) refuses an over-limit Content-Length with 413 and no 100, and
 * sends the 100 only when it is about to read the body.
 */
const waiting = new WeakSet<IncomingMessage>();

export function answerContinueInRoutes(server: Server): void {
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    // The API's routes read bodies through bodies.ts; anything else (socket.io's polling transport) gets Node's usual 100.
    if (req.url?.startsWith("/api/")) waiting.add(req);
    else res.writeContinue();
    // The usual "request" listeners (express, socket.io's engine) handle it as any other request.
    server.emit("request", req, res);
  });
}

/** Tell a waiting client to send its body (once; a no-op for requests that did not ask). */
export function continueIfExpected(req: IncomingMessage, res: ServerResponse): void {
  if (!waiting.delete(req)) return;
  res.writeContinue();
}
