import { io, type Socket } from "socket.io-client";
import {
  type Ack,
  type ClientToServerEvents,
  type Draft,
  type ErrorCode,
  type ServerToClientEvents,
} from "../../server/contracts/index.js";

import { tooLongToSend } from "./send-limits.js";

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One socket for the whole app. The server acks session:start and then emits
 * the first round/question events on the same connection, and it binds the
 * session to that connection; a socket per page would lose both.
 */
export const socket: AppSocket = io({ autoConnect: true });

/**
 * socket.io reconnects by itself after a network drop, but not after the
 * server closed the connection ("io server disconnect", e.g. a graceful
 * restart). An interview must survive that too, so dial back in.
 */
const SERVER_DISCONNECT_RETRY_MS = 1_500;
socket.on("disconnect", (reason) => {
  if (reason === "io server disconnect") setTimeout(() => socket.connect(), SERVER_DISCONNECT_RETRY_MS);
});

export type RequestName = keyof ClientToServerEvents;
export type RequestPayload<E extends RequestName> = Parameters<ClientToServerEvents[E]>[0];
type AckOf<E extends RequestName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
export type RequestResult<E extends RequestName> = Extract<AckOf<E>, { ok: true }>["data"];

/** What only the client can tell: no ack in time, or an ack that is not one. */
export type SocketClientErrorCode = "TIMEOUT" | "MALFORMED_REPLY";

/** An ack with ok:false, or no ack in time; switch on `code` (the server's stable code, or the client's own), never on the message. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode | SocketClientErrorCode,
    /** With DRAFT_STALE: the draft stored now (another tab's newer save). */
    readonly draft?: Draft,
  ) {
    super(message);
    this.name = "RequestError";
  }
}

export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Emits a client->server event and resolves with the ack's data, or rejects with its error.
 * `timeoutMs` is for requests that legitimately take long (running code in the sandbox).
 */
export function request<E extends RequestName>(
  event: E,
  payload: RequestPayload<E>,
  options: { timeoutMs?: number } = {},
): Promise<RequestResult<E>> {
  const tooLong = tooLongToSend(payload);
  if (tooLong) return Promise.reject(new RequestError(tooLong, "PAYLOAD_TOO_LARGE"));
  return new Promise((resolve, reject) => {
    // The event map's per-event generics don't survive a generic `E` here, so
    // the emit is typed loosely once; callers keep full typing via the signature.
    const timed = socket.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS) as unknown as {
      emit(event: string, payload: unknown, ack: (err: Error | null, result: Ack<RequestResult<E>>) => void): void;
    };
    timed.emit(event, payload, (err, result) => {
      if (err) return reject(new RequestError("The server did not answer in time. Check your connection.", "TIMEOUT"));
      if (!result || typeof result !== "object") return reject(new RequestError("Malformed reply from the server.", "MALFORMED_REPLY"));
      if (result.ok) return resolve(result.data);
      reject(new RequestError(result.error.message, result.error.code, result.error.draft));
    });
  });
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
