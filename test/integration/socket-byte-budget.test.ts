import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { INCOMING_BYTES_PER_ADDRESS, INCOMING_BYTES_PER_WINDOW } from "../../server/contracts/index.js";
import { createAddressByteBudget, limitIncomingBytes } from "../../server/realtime/byte-budget.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer } from "../helpers/server.js";
import { connectClient } from "../helpers/socket-client.js";

// A real socket.io server and client; the budget's clock is injected, so no test waits for a window to pass.
const open: { close: () => void }[] = [];
afterEach(() => open.splice(0).forEach((o) => o.close()));

async function start(budget: number, windowMs: number, perAddress = Number.POSITIVE_INFINITY) {
  let clock = 0;
  const closed: number[] = [];
  const closedBy: string[] = [];
  const addressBudget = createAddressByteBudget(perAddress, windowMs);
  const http = createServer();
  const io = new Server(http);
  io.on("connection", (socket) => {
    limitIncomingBytes(socket, {
      onClose: (bytes, by) => {
        closed.push(bytes);
        closedBy.push(by);
      },
      now: () => clock,
      perConnection: budget,
      windowMs,
      address: { key: socket.handshake.address, budget: addressBudget },
    });
    // Flooders emit without an ack.
    socket.on("note", (_text: string, ack?: (ok: boolean) => void) => ack?.(true));
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  open.push({ close: () => void io.close() });
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const client = async () => {
    const c: ClientSocket = connect(url, { transports: ["websocket"], reconnection: false });
    open.push({ close: () => c.close() });
    await new Promise<void>((resolve, reject) => c.on("connect", resolve).on("connect_error", reject));
    return c;
  };
  return { client, closed, closedBy, addressBudget, tick: (ms: number) => (clock += ms) };
}
const note = (c: ClientSocket, text: string) =>
  c
    .timeout(2_000)
    .emitWithAck("note", text)
    .then(
      () => true,
      () => false,
    );

describe("a connection's incoming bytes", () => {
  it("past the budget in one window close the connection; other connections carry on", async () => {
    const s = await start(10_000, 10_000);
    const flooder = await s.client();
    const honest = await s.client();
    const disconnected = new Promise<string>((resolve) => flooder.on("disconnect", resolve));
    for (let i = 0; i < 4; i++) flooder.emit("note", "x".repeat(4_000));
    expect(await disconnected).toBe("io server disconnect");
    expect(s.closed).toHaveLength(1);
    expect(s.closed[0]).toBeGreaterThan(10_000);
    expect(await note(honest, "still here")).toBe(true);
  });

  it("spread over windows stay open: the count starts again in each", async () => {
    const s = await start(10_000, 10_000);
    const steady = await s.client();
    for (let i = 0; i < 6; i++) {
      expect(await note(steady, "y".repeat(4_000))).toBe(true);
      s.tick(5_000);
    }
    expect(steady.connected).toBe(true);
    expect(s.closed).toEqual([]);
  });
});

describe("an address's incoming bytes", () => {
  it("count together over its connections: past the budget, every connection over its share is closed", async () => {
    const s = await start(10_000, 10_000, 25_000);
    const clients = [await s.client(), await s.client(), await s.client()];
    const gone = clients.map((c) => new Promise((resolve) => c.on("disconnect", resolve)));
    // 3 connections x 2 notes x 4,500 bytes: each connection 9,000 (under 10,000, over its share of 25,000 / 3), the
    // address 27,000 (over 25,000): all three sent alike, so all three are the flood.
    const acks = [];
    for (let round = 0; round < 2; round++) for (const c of clients) acks.push(await note(c, "z".repeat(4_500)));
    await Promise.all(gone);
    expect(s.closedBy).toEqual(["address", "address", "address"]);
    expect(acks).toEqual([true, true, true, true, true, false]);
  });

  it("close the heavy connections and answer a light one RATE_LIMITED with retryAfterMs, then let it on", async () => {
    const s = await start(100_000, 10_000, 50_000);
    const light = await s.client();
    expect(await note(light, "first draft")).toBe(true);
    const flooders = [await s.client(), await s.client(), await s.client(), await s.client(), await s.client()];
    const gone = flooders.map((c) => new Promise((resolve) => c.on("disconnect", resolve)));
    // 5 x 3 x 4,000 bytes = 60,000 past the address's 50,000; each flooder ~12,000, over its share (50,000 / 6).
    for (let i = 0; i < 3; i++) for (const c of flooders) if (c.connected) c.emit("note", "f".repeat(4_000));
    await Promise.all(gone);
    expect(s.closedBy.every((by) => by === "address")).toBe(true);
    expect(s.closedBy.length).toBe(5);
    s.tick(4_000);
    const busy = await light.timeout(2_000).emitWithAck("note", "a 100-byte draft".padEnd(100, "."));
    expect(busy).toEqual({
      ok: false,
      error: { code: "RATE_LIMITED", message: expect.stringContaining("try again in 6 seconds."), retryAfterMs: 6_000 },
    });
    expect(light.connected).toBe(true);
    // The next window: the light connection is answered as before.
    s.tick(6_000);
    expect(await note(light, "after the wait")).toBe(true);
    expect(s.closedBy.length).toBe(5);
  });

  it("starts again in the next window, and forgets an address whose connections all closed once its window ends", async () => {
    const s = await start(10_000, 10_000, 25_000);
    const a = await s.client();
    const b = await s.client();
    for (let i = 0; i < 5; i++) {
      expect(await note(a, "w".repeat(4_000))).toBe(true);
      expect(await note(b, "w".repeat(4_000))).toBe(true);
      s.tick(10_000);
    }
    expect(s.closedBy).toEqual([]);
    expect(s.addressBudget.size()).toBe(1);
    const gone = Promise.all([a, b].map((c) => new Promise((resolve) => c.on("disconnect", resolve))));
    a.disconnect();
    b.disconnect();
    await gone;
    // The server sees the disconnects a moment after the client (their disconnect packets open a new window with a
    // few bytes, so the address is held until it ends): poll, bounded.
    await new Promise((r) => setTimeout(r, 50));
    // A window later, the next connection from anywhere sweeps it: only the newcomer is held.
    s.addressBudget.open("192.0.2.7", "newcomer", () => {}, s.tick(10_000));
    expect(s.addressBudget.size()).toBe(1);
  });

  it("keeps an address's bytes when its connections close and come back within the window (no reconnect bypass)", async () => {
    const s = await start(10_000, 10_000, 12_000);
    const first = await s.client();
    expect(await note(first, "w".repeat(8_000))).toBe(true);
    const gone = new Promise((resolve) => first.on("disconnect", resolve));
    first.disconnect();
    await gone;
    for (let i = 0; i < 100 && s.addressBudget.size() === 0; i++) await new Promise((r) => setTimeout(r, 10));
    // The address is still held with its 8 KB: the next connection's 8 KB passes the 12 KB budget.
    expect(s.addressBudget.size()).toBe(1);
    const again = await s.client();
    const closed = new Promise((resolve) => again.on("disconnect", resolve));
    expect(await note(again, "w".repeat(8_000))).toBe(false);
    await closed;
    expect(s.closedBy).toEqual(["address"]);
  });
});

describe("the app's byte budgets", () => {
  it("close one of four connections from one address that together send more than an address may, each under its own", async () => {
    const server = await startTestServer({ packs: [miniPack()] });
    open.push({ close: () => void server.close() });
    const clients = await Promise.all([0, 1, 2, 3].map(() => connectClient(server.url)));
    open.push({ close: () => clients.forEach((c) => c.close()) });
    const closedByServer = clients.map(
      (c) => new Promise<boolean>((resolve) => c.socket.on("disconnect", (why) => resolve(why === "io server disconnect"))),
    );
    // 4 x 11 frames of ~300 kB: 3.3 MB a connection (under INCOMING_BYTES_PER_WINDOW), 13.2 MB the address (over).
    const frame = { sessionId: "s".repeat(20), questionId: "q", text: "d".repeat(300_000), seq: 1 };
    expect(11 * 300_000).toBeLessThan(INCOMING_BYTES_PER_WINDOW);
    expect(44 * 300_000).toBeGreaterThan(INCOMING_BYTES_PER_ADDRESS);
    // Sent without waiting for acks, as a flood is: the raw emit, not the typed request helper.
    const raw = clients.map((c) => c.socket as unknown as { connected: boolean; emit(event: string, payload: unknown): void });
    for (let i = 0; i < 11; i++) for (const c of raw) if (c.connected) c.emit("answer:draft", frame);
    // At least one was closed by the server; which one depends on arrival order.
    const first = await Promise.race(closedByServer);
    expect(first).toBe(true);
  });

  it("a candidate's draft next to five flooders from the same address gets RATE_LIMITED, not a closed connection", async () => {
    let clock = 1_000_000;
    const server = await startTestServer({ packs: [miniPack()], now: () => clock });
    open.push({ close: () => void server.close() });
    const candidate = await connectClient(server.url);
    open.push({ close: () => candidate.close() });
    const started = await candidate.request("session:start", { packId: "mini", rounds: ["design"] });
    const draft = (text: string) => candidate.send("answer:draft", { sessionId: started.sessionId, questionId: "rag-basics", text });
    expect((await draft("first thoughts")).ok).toBe(true);

    const flooders = await Promise.all([0, 1, 2, 3, 4].map(() => connectClient(server.url)));
    open.push({ close: () => flooders.forEach((c) => c.close()) });
    const closedByServer = flooders.map((c) => new Promise<string>((resolve) => c.socket.on("disconnect", (why) => resolve(why))));
    // 5 x 9 frames of ~300 kB: 13.5 MB from the address (over INCOMING_BYTES_PER_ADDRESS), 2.7 MB each (over its share
    // of 12 MB / 6 connections, under INCOMING_BYTES_PER_WINDOW).
    const frame = { sessionId: "s".repeat(20), questionId: "q", text: "d".repeat(300_000), seq: 1 };
    expect(45 * 300_000).toBeGreaterThan(INCOMING_BYTES_PER_ADDRESS);
    const raw = flooders.map((c) => c.socket as unknown as { connected: boolean; emit(event: string, payload: unknown): void });
    for (let i = 0; i < 9; i++) for (const c of raw) if (c.connected) c.emit("answer:draft", frame);
    expect(await Promise.all(closedByServer)).toEqual(Array(5).fill("io server disconnect"));

    const refused = await draft("a 100-byte draft".padEnd(100, "."));
    expect(refused).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", retryAfterMs: expect.any(Number) } });
    expect(candidate.socket.connected).toBe(true);
    // When the window has passed (the app's clock is the test's), the same draft is saved.
    clock += 10_000;
    expect((await draft("a 100-byte draft".padEnd(100, "."))).ok).toBe(true);
  });
});
