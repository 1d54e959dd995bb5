import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io } from "socket.io-client";
import { loadConfig } from "../../server/config.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient } from "../helpers/socket-client.js";

// A page on rebind.example, whose name the attacker made resolve to 127.0.0.1, is same-origin with the
// server as far as the browser can tell: Origin and Host both say rebind.example.
const REBOUND = "rebind.example";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ packs: [miniPack()], allowedHosts: loadConfig({}).allowedHosts });
});
afterAll(() => server.close());

function get(path: string, host: string): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("a server on loopback answers only to loopback names (DNS rebinding)", () => {
  it("by default (HOST=127.0.0.1) allows localhost, 127.0.0.1 and [::1]; ALLOWED_HOSTS and another HOST change that", () => {
    expect(loadConfig({}).allowedHosts).toEqual(expect.arrayContaining(["localhost", "127.0.0.1", "[::1]"]));
    expect(loadConfig({ ALLOWED_HOSTS: "Interview.LAN, localhost" }).allowedHosts).toEqual(["interview.lan", "localhost"]);
    expect(loadConfig({ ALLOWED_HOSTS: "*" }).allowedHosts).toBeNull();
    expect(loadConfig({ HOST: "0.0.0.0" }).allowedHosts).toBeNull();
  });

  it("refuses HTTP naming another host with HOST_NOT_ALLOWED, and serves the loopback names with any port", async () => {
    const { port } = new URL(server.url);
    for (const host of [REBOUND, `${REBOUND}:${port}`, `127.0.0.1.${REBOUND}`, "LOCALHOST.evil", "x".repeat(5_000)]) {
      const res = await get("/api/packs", host);
      expect(res.status, host.slice(0, 40)).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: "HOST_NOT_ALLOWED" } });
      expect(res.body.length).toBeLessThan(400);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, "LocalHost.", `[::1]:${port}`]) {
      expect((await get("/api/packs", host)).status, host).toBe(200);
    }
  });

  it("refuses the socket handshake naming another host, even from that host's own page", async () => {
    const connect = (headers: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const s = io(server.url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: headers });
        s.once("connect", () => (s.close(), resolve("connected")));
        s.once("connect_error", () => (s.close(), resolve("refused")));
      });
    const { port } = new URL(server.url);
    expect(await connect({ host: `${REBOUND}:${port}`, origin: `http://${REBOUND}:${port}` })).toBe("refused");
    expect(await connect({ host: `localhost:${port}`, origin: `http://localhost:${port}` })).toBe("connected");
  });

  it("echoes only the start of an unknown event's name", async () => {
    const c = await connectClient(server.url);
    const ack = await c.send(("x".repeat(100_000) + "tail") as never, {});
    expect(ack).toMatchObject({ ok: false, error: { code: "BAD_PAYLOAD" } });
    expect(JSON.stringify(ack).length).toBeLessThan(500);
    c.close();
  });
});

describe("slow senders", () => {
  it("a request must arrive within 30 s and its headers within 15 s", () => {
    expect(server.app.httpServer.requestTimeout).toBe(30_000);
    expect(server.app.httpServer.headersTimeout).toBe(15_000);
  });
});

describe("idle keep-alive sockets", () => {
  it("are kept longer than clients and proxies keep theirs, so a reused socket is never one the server just closed", () => {
    // Node's default (5 s) is shorter than a proxy's idle timeout (commonly 60 s): a reused socket could be reset.
    expect(server.app.httpServer.keepAliveTimeout).toBe(65_000);
  });
});
