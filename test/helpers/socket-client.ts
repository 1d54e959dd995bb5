import { io, type Socket } from "socket.io-client";
import type { Ack, ClientToServerEvents, ServerEventName, ServerToClientEvents } from "../../server/contracts/index.js";

export type ReceivedEvent = { name: ServerEventName; payload: Record<string, unknown> & { seq: number } };

/** A real socket.io client that records every server event and awaits acks. */
/**
 * How long an ack or an event may take before the test fails naming it: a liveness bound, not a
 * speed check. With two suites side by side on a 2-core machine at load 25, an answer:submit ack
 * took over 25 s; the test's own timeout (90 s) still ends a test that hangs.
 */
const WAIT_MS = 60_000;

export async function connectClient(url: string, options: { headers?: Record<string, string> } = {}) {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    transports: ["websocket"],
    ...(options.headers ? { extraHeaders: options.headers } : {}),
    forceNew: true,
    reconnection: false,
  });
  const received: ReceivedEvent[] = [];
  const waiters: { match: (e: ReceivedEvent) => boolean; resolve: (e: ReceivedEvent) => void }[] = [];
  socket.onAny((name: ServerEventName, payload: ReceivedEvent["payload"]) => {
    const event = { name, payload };
    received.push(event);
    for (const w of [...waiters]) {
      if (w.match(event)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(event);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return {
    socket,
    received,
    /** Emit and resolve with the raw ack ({ok,data} | {ok:false,error}). */
    send<E extends keyof ClientToServerEvents>(event: E, payload: unknown): Promise<Ack<any>> {
      return (socket.timeout(WAIT_MS) as any).emitWithAck(event, payload);
    },
    /** Emit and return ack data, failing loudly on an error ack. */
    async request<E extends keyof ClientToServerEvents>(event: E, payload: unknown): Promise<any> {
      const ack = await this.send(event, payload);
      if (!ack.ok) throw new Error(`${event} failed: ${ack.error.code} ${ack.error.message}`);
      return ack.data;
    },
    /** The next event (already received after `afterSeq`, or still to come) matching name and predicate. */
    waitFor(
      name: ServerEventName,
      predicate: (p: any) => boolean = () => true,
      options: { afterSeq?: number; timeoutMs?: number } = {},
    ): Promise<ReceivedEvent> {
      const match = (e: ReceivedEvent) => e.name === name && e.payload.seq > (options.afterSeq ?? 0) && predicate(e.payload);
      const already = received.find(match);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${name}`)), options.timeoutMs ?? WAIT_MS);
        waiters.push({ match, resolve: (e) => (clearTimeout(timer), resolve(e)) });
      });
    },
    lastSeq: () => received.reduce((max, e) => Math.max(max, e.payload.seq), 0),
    close: () => void socket.disconnect(),
  };
}
export type TestClient = Awaited<ReturnType<typeof connectClient>>;
