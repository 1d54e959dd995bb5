import { randomUUID } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import pino, { type Logger } from "pino";
import { io, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import type { InterviewService } from "../../server/interview/index.js";
import { createRateLimits, DEFAULT_RATE_LIMITS } from "../../server/limits/index.js";
import { createSocketServer, type InterviewIo } from "../../server/realtime/index.js";
import type { Teams } from "../../server/teams/index.js";

let http: HttpServer | null = null;
let server: InterviewIo | null = null;
let client: Socket | null = null;
afterEach(async () => {
  client?.close();
  if (server) await new Promise<void>((r) => void server!.close(() => r()));
  http = server = client = null;
});

/** A silent logger that counts the child loggers made from it (each costs an object and, per event, a request id). */
function countingLogger(): { logger: Logger; children: () => number } {
  const base = pino({ level: "silent" });
  let made = 0;
  const logger = Object.create(base) as Logger;
  logger.child = ((...args: Parameters<Logger["child"]>) => (made++, base.child(...args))) as Logger["child"];
  return { logger, children: () => made };
}

describe("socket events refused by the rate limit", () => {
  it("cost no per-event logger or request id; an admitted event whose handler fails still logs with one", async () => {
    const { logger, children } = countingLogger();
    const limits = createRateLimits({ ...DEFAULT_RATE_LIMITS, socketPerConnection: { points: 1, seconds: 60 } });
    // Refused events never reach the service; the one admitted event fails in it.
    const service = {
      start: async () => {
        throw new Error("store down");
      },
    } as unknown as InterviewService;
    http = createServer();
    server = createSocketServer(http, service, {} as Teams, logger, { limits });
    await new Promise<void>((r) => http!.listen(0, "127.0.0.1", r));
    client = io(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ["websocket"], reconnection: false });
    await new Promise<void>((r) => client!.once("connect", () => r()));
    // The connection's one event passes the limit and fails unexpectedly: that is logged, with the event's own logger.
    const first = (await client.emitWithAck("session:start", { packId: "mini" })) as { ok: boolean; error?: { code: string } };
    expect(first.ok).toBe(false);
    expect(children()).toBe(1);
    const before = children();
    const draft = { sessionId: randomUUID(), questionId: "q", text: "t" };
    const refused = (await Promise.all(Array.from({ length: 20 }, () => client!.emitWithAck("answer:draft", draft)))) as {
      error?: { code: string };
    }[];
    expect(refused.every((a) => a.error?.code === "RATE_LIMITED")).toBe(true);
    expect(children()).toBe(before);
  });
});
