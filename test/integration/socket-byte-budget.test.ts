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
    socket.on("note", (_text: string, ack: (ok: boolean) => void) => ack(true));
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
  it("count together over its connections: the one that passes the budget is closed, each alone under its own", async () => {
    const s = await start(10_000, 10_000, 25_000);
    const clients = [await s.client(), await s.client(), await s.client()];
    // 3 connections x 2 notes x 4,500 bytes: each connection 9,000 (under 10,000), the address 27,000 (over 25,000).
    const acks = [];
    for (let round = 0; round < 2; round++) for (const c of clients) acks.push(await note(c, "z".repeat(4_500)));
    expect(s.closedBy).toEqual(["address"]);
    expect(s.closed[0]).toBeGreaterThan(25_000);
    expect(acks.slice(0, 5)).toEqual([true, true, true, true, true]);
    expect(acks[5]).toBe(false);
    expect(clients.map((c) => c.connected)).toEqual([true, true, false]);
  });

  it("starts again in the next window, and forgets an address whose connections all closed", async () => {
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
    // The server sees the disconnects a moment after the client: poll, bounded.
    for (let i = 0; i < 100 && s.addressBudget.size() > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(s.addressBudget.size()).toBe(0);
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
});
