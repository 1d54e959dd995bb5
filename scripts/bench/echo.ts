// The baseline every socket number is compared with: a bare socket.io echo round trip on this machine, now.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io } from "socket.io-client";
import { summarise } from "./stats.js";

export async function echoRoundTrip(samples = 1000, payloadChars = 200): Promise<ReturnType<typeof summarise>> {
  const http = createServer();
  const server = new Server(http, { serveClient: false });
  server.on("connection", (s) => s.on("echo", (p: unknown, ack: (x: unknown) => void) => ack(p)));
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  const socket = io(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ["websocket"] });
  await new Promise<void>((r) => socket.once("connect", () => r()));
  const payload = { text: "x".repeat(payloadChars) };
  const times: number[] = [];
  for (let i = 0; i < samples + 20; i++) {
    const t = performance.now();
    await socket.emitWithAck("echo", payload);
    if (i >= 20) times.push(performance.now() - t); // the first few warm up
  }
  socket.close();
  await new Promise<void>((r) => void server.close(() => r()));
  return summarise(times);
}
