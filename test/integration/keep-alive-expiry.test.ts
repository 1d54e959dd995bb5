import { connect, type Socket } from "node:net";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

// The mechanism does not depend on the timeout's length: a short one keeps the held-up loop below short.
const KEEP_ALIVE_MS = 50;
/** Node (20+) closes an idle socket this long after keepAliveTimeout (HTTP_SERVER_KEEP_ALIVE_TIMEOUT_BUFFER in _http_server). */
const NODE_BUFFER_MS = 1000;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ packs: [miniPack()], rateLimits: null });
  server.app.httpServer.keepAliveTimeout = KEEP_ALIVE_MS;
});
afterAll(() => server.close());

const GET = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

/** A raw keep-alive connection: what each response starts with, in order, and how it ended. */
function rawClient(): { socket: Socket; responses: string[]; ended: Promise<string> } {
  const [host, port] = server.url.replace("http://", "").split(":");
  const socket = connect(Number(port), host);
  const responses: string[] = [];
  const ended = new Promise<string>((resolve) => {
    socket.on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    socket.on("close", () => resolve("closed"));
  });
  socket.setEncoding("utf8");
  return { socket, responses, ended };
}

/** Hold this thread (and so the server's loop) for `ms`, as seconds of synchronous work in a test or a handler do. */
function holdLoop(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe("an idle keep-alive socket that expires", () => {
  it("still answers a request that arrived in the loop turn its keep-alive timer fired (before: ECONNRESET)", async () => {
    const { socket, responses, ended } = rawClient();
    let sentSecond = false;
    const second = new Promise<void>((resolve) => {
      socket.on("data", (chunk: string) => {
        for (const status of chunk.match(/^HTTP\/1\.1 \d+/gm) ?? []) responses.push(status);
        if (!sentSecond) {
          sentSecond = true;
          // In this I/O callback: the loop is held past the server's keep-alive expiry, then the next request is
          // written to the socket. The server's timer fires at the end of this loop turn, before its poll reads it.
          holdLoop(KEEP_ALIVE_MS + NODE_BUFFER_MS + 150);
          socket.write(GET);
        } else if (responses.length >= 2) resolve();
      });
    });
    socket.write(GET);
    const outcome = await Promise.race([second.then(() => "answered"), ended]);
    socket.destroy();
    expect(outcome).toBe("answered");
    expect(responses).toEqual(["HTTP/1.1 200", "HTTP/1.1 200"]);
  });

  it("is still closed once it has been idle for the keep-alive timeout", async () => {
    const { socket, responses, ended } = rawClient();
    socket.on("data", (chunk: string) => {
      for (const status of chunk.match(/^HTTP\/1\.1 \d+/gm) ?? []) responses.push(status);
    });
    socket.write(GET);
    // The server closes it (FIN): the client sees the end, then the close, with no error.
    expect(await ended).toBe("closed");
    expect(responses).toEqual(["HTTP/1.1 200"]);
  });
});
