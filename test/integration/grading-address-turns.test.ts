import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { io, type Socket } from "socket.io-client";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

// Grading takes turns between client addresses, then sessions (server/turns/fair-turns.ts): it needs to know the
// address each session is held from, recorded where a client starts, resumes or opens one.
let server: TestServer;
const sockets: Socket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.close());
  await server?.close();
});

async function clientFrom(address: string): Promise<Socket> {
  const s = io(server.url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    extraHeaders: { "x-forwarded-for": address },
  });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => (s.once("connect", () => resolve()), s.once("connect_error", reject)));
  return s;
}
const ask = (s: Socket, event: string, payload: unknown) =>
  s.timeout(10_000).emitWithAck(event, payload) as Promise<{ ok: boolean; data?: any; error?: { code: string } }>;

describe("the address grading groups a session under", () => {
  it("is the starting client's, then the resuming client's, and an invite's opener's", async () => {
    server = await startTestServer({ packs: [miniPack()], trustProxy: true });
    const started = await ask(await clientFrom("10.7.0.1"), "session:start", { packId: "mini", rounds: ["design"] });
    expect(started.ok).toBe(true);
    const { sessionId, resumeToken } = started.data as { sessionId: string; resumeToken: string };
    expect(server.app.sessionAddresses.addressOf(sessionId)).toBe("10.7.0.1");
    // The candidate moved (another network): its grading turns go with its new address.
    expect((await ask(await clientFrom("10.7.0.2"), "session:resume", { sessionId, resumeToken, lastSeq: 0 })).ok).toBe(true);
    expect(server.app.sessionAddresses.addressOf(sessionId)).toBe("10.7.0.2");

    const { token } = await server.app.teams.create("Acme");
    const auth = { authorization: `Bearer ${token}`, "x-forwarded-for": "10.200.0.1" };
    const tiny = readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8");
    expect((await fetch(`${server.url}/api/teams/acme/packs`, { method: "POST", body: tiny, headers: auth })).status).toBe(201);
    const invite = await fetch(`${server.url}/api/teams/acme/invites`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ packId: "tiny", candidateLabel: "Candidate 7" }),
    });
    const opened = await fetch(`${server.url}/api/invites/${((await invite.json()) as { token: string }).token}/start`, {
      method: "POST",
      headers: { "x-forwarded-for": "10.7.0.3" },
    });
    expect(opened.status).toBe(201);
    const invited = ((await opened.json()) as { sessionId: string }).sessionId;
    expect(server.app.sessionAddresses.addressOf(invited)).toBe("10.7.0.3");
  });
});
