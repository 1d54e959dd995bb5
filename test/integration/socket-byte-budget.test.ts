import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { limitIncomingBytes } from "../../server/realtime/byte-budget.js";

// A real socket.io server and client; the budget's clock is injected, so no test waits for a window to pass.
const open: { close: () => void }[] = [];
afterEach(() => open.splice(0).forEach((o) => o.close()));

async function start(budget: number, windowMs: number) {
  let clock = 0;
  const closed: number[] = [];
  const http = createServer();
  const io = new Server(http);
  io.on("connection", (socket) => {
    limitIncomingBytes(
      socket,
      (bytes) => closed.push(bytes),
      () => clock,
      budget,
      windowMs,
    );
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
  return { client, closed, tick: (ms: number) => (clock += ms) };
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
