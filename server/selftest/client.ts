import { io, type Socket } from "socket.io-client";
import type { Ack, ClientToServerEvents, ServerEventName, ServerToClientEvents } from "../contracts/index.js";

export type SelftestEvent = { name: ServerEventName; payload: Record<string, unknown> & { seq: number } };

/** No event for this long means the session stalled (progress-based: every event restarts the clock). */
export class StallError extends Error {
  override name = "StallError";
}

/**
 * A real socket.io client, as a candidate's browser connects: one connection per
 * session (the server caps new sessions per connection). Events queue up in
 * order; `next` waits for the next one, failing if the server makes no progress.
 */
export async function connectSelftestClient(url: string, stallMs: number) {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
  });
  const queue: SelftestEvent[] = [];
  let wake: (() => void) | null = null;
  let last = "connect";
  socket.onAny((name: ServerEventName, payload: SelftestEvent["payload"]) => {
    queue.push({ name, payload });
    wake?.();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new StallError(`could not connect to ${url} within ${stallMs} ms`)), stallMs);
    socket.once("connect", () => (clearTimeout(timer), resolve()));
    socket.once("connect_error", (err) => (clearTimeout(timer), reject(err)));
  });
  return {
    /** Emit and return the ack's data; an error ack throws with its stable code. */
    async request<T>(event: keyof ClientToServerEvents, payload: unknown): Promise<T> {
      const ack = (await (socket.timeout(stallMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<T>> }).emitWithAck(
        event,
        payload,
      )) as Ack<T>;
      if (!ack.ok) throw new Error(`${event} refused: ${ack.error.code} ${ack.error.message}`);
      last = `${event} ack`;
      return ack.data;
    },
    /** The next server event; throws StallError after `stallMs` without one. */
    async next(): Promise<SelftestEvent> {
      while (queue.length === 0) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => {
            wake = null;
            reject(new StallError(`no progress for ${stallMs} ms after ${last}`));
          }, stallMs);
          wake = () => {
            clearTimeout(timer);
            wake = null;
            resolve();
          };
        });
      }
      const event = queue.shift()!;
      last = `${event.name} #${event.payload.seq}`;
      return event;
    },
    close: () => void socket.disconnect(),
  };
}
