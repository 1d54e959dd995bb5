import type { Socket } from "socket.io";
import { retryWording } from "../limits/index.js";
import { INCOMING_BYTES_PER_ADDRESS, INCOMING_BYTES_PER_WINDOW, INCOMING_WINDOW_MS } from "../contracts/index.js";

type Window = { start: number; bytes: number };

/** Counts bytes in fixed windows; `add` says whether the count is past the budget. */
function windowCounter(budget: number, windowMs: number) {
  return (w: Window, bytes: number, t: number): boolean => {
    restartIfOver(w, t, windowMs);
    w.bytes += bytes;
    return w.bytes > budget;
  };
}
function restartIfOver(w: Window, t: number, windowMs: number): boolean {
  if (t - w.start < windowMs) return false;
  w.start = t;
  w.bytes = 0;
  return true;
}

/** What the address budget says of one message: within it, or over it (and then whether this connection is heavy). */
export type AddressVerdict =
  | { over: false; bytes: number }
  | {
      over: true;
      bytes: number;
      /** This connection sent more than its share of the budget in this window: it is closed. */
      heavy: boolean;
      /** When the address's window ends: a light connection is told to wait this long. */
      retryAfterMs: number;
    };

/** The bytes each address's connections sent together, shared by every connection of one server. */
export type AddressByteBudget = {
  /** Count a message's bytes for one connection of an address; past the budget, the heavy connections are closed. */
  add(address: string, connection: string, bytes: number, t: number): AddressVerdict;
  /** A connection of this address opened (`closeHeavy` closes it when it is one of the heavy ones) or closed. */
  open(address: string, connection: string, closeHeavy: (bytes: number) => void, t: number): void;
  close(address: string, connection: string, t: number): void;
  /** Addresses held now: those with an open connection, and those whose window (with bytes in it) has not ended. */
  size(): number;
};

/**
 * A connection closed in this window stays listed (open: false) until the window ends: the share is the budget over
 * every connection that sent in the window, so closing some flooders does not raise the others' share.
 */
type Held = Window & { connections: Map<string, { bytes: number; open: boolean; closeHeavy: (bytes: number) => void }> };

/**
 * Past an address's budget, the connections that sent more than their share (budget / open connections) in the
 * window are closed: they are the flood. A light connection of the same address (a candidate's 100-byte draft next
 * to five flooders behind one NAT) stays open and is told to retry when the window ends. If every connection is
 * light (the bytes came from connections closed earlier in the window), all are told to wait; none is closed.
 */
export function createAddressByteBudget(budget = INCOMING_BYTES_PER_ADDRESS, windowMs = INCOMING_WINDOW_MS): AddressByteBudget {
  const byAddress = new Map<string, Held>();
  const idle = (held: Held) => ![...held.connections.values()].some((c) => c.open);
  /**
   * An address whose connections all closed keeps its window, with its bytes, until the window ends: forgetting it
   * at once let a client send its budget, reconnect and send it again (a review measured 120 MB in 10 s through a
   * 12 MB budget). Idle addresses whose window ended are swept at most once a window, when a connection opens.
   */
  let sweptAt = Number.NEGATIVE_INFINITY;
  const sweep = (t: number) => {
    if (t - sweptAt < windowMs) return;
    sweptAt = t;
    for (const [address, held] of byAddress) if (idle(held) && t - held.start >= windowMs) byAddress.delete(address);
  };
  return {
    add(address, connection, bytes, t) {
      const held = byAddress.get(address);
      const own = held?.connections.get(connection);
      if (!held || !own) return { over: false, bytes };
      if (restartIfOver(held, t, windowMs))
        for (const [id, c] of held.connections)
          if (c.open) c.bytes = 0;
          else held.connections.delete(id);
      held.bytes += bytes;
      own.bytes += bytes;
      if (held.bytes <= budget) return { over: false, bytes: held.bytes };
      const share = budget / held.connections.size;
      const heavy = [...held.connections].filter(([, c]) => c.open && c.bytes > share);
      // Others first: closing this one may run its disconnect handlers, which change the map.
      for (const [id, c] of heavy) if (id !== connection) c.closeHeavy(c.bytes);
      return { over: true, bytes: held.bytes, heavy: own.bytes > share, retryAfterMs: Math.max(1, held.start + windowMs - t) };
    },
    open(address, connection, closeHeavy, t) {
      sweep(t);
      let held = byAddress.get(address);
      if (!held) byAddress.set(address, (held = { start: Number.NEGATIVE_INFINITY, bytes: 0, connections: new Map() }));
      held.connections.set(connection, { bytes: 0, open: true, closeHeavy });
    },
    close(address, connection, t) {
      const held = byAddress.get(address);
      const own = held?.connections.get(connection);
      if (!held || !own) return;
      own.open = false;
      // One that sent nothing this window has no share to hold.
      if (own.bytes === 0) held.connections.delete(connection);
      if (idle(held) && (held.bytes === 0 || t - held.start >= windowMs)) byAddress.delete(address);
    },
    size: () => byAddress.size,
  };
}

export type IncomingBytesOptions = {
  /** Called once, as the connection is closed: which budget it passed and the bytes counted there. */
  onClose: (bytes: number, budget: "connection" | "address") => void;
  now?: () => number;
  perConnection?: number;
  windowMs?: number;
  /** The server's shared per-address budget and this connection's address; none in unit harnesses. */
  address?: { key: string; budget: AddressByteBudget };
};

/** The ack a light connection's event gets while its address is over budget (the shape every ack error has). */
export const addressBusyError = (retryAfterMs: number) => ({
  ok: false as const,
  error: {
    code: "RATE_LIMITED" as const,
    message: `Other connections from your address have sent too much data in the last ${INCOMING_WINDOW_MS / 1000} seconds; try again in ${retryWording(retryAfterMs)}.`,
    retryAfterMs,
  },
});

/**
 * Close a connection that sends more bytes than any client of ours could, alone or with the other connections of
 * its address. Rate limits count events, and each event is decoded (JSON.parse of up to MAX_SOCKET_MESSAGE_BYTES)
 * before they see it: an outside test sent ~1 MB frames on ten connections and another client's acks took seconds.
 * engine.io emits "packet" before socket.io decodes it, so the bytes are counted as they arrive; past a budget the
 * connection is closed and the rest of what it sends is never parsed. The per-address connection limit
 * (limits.connection) bounds how often it may come back. A light connection of an address over budget is not
 * closed: its events get a RATE_LIMITED ack with retryAfterMs until the window ends (an outside test saw a
 * candidate's draft connection closed, with no ack and no code, because five flooders shared its address).
 */
export function limitIncomingBytes(socket: Socket, options: IncomingBytesOptions): void {
  const now = options.now ?? Date.now;
  const windowMs = options.windowMs ?? INCOMING_WINDOW_MS;
  const count = windowCounter(options.perConnection ?? INCOMING_BYTES_PER_WINDOW, windowMs);
  const own: Window = { start: Number.NEGATIVE_INFINITY, bytes: 0 };
  const shared = options.address;
  let closed = false;
  const close = (bytes: number, budget: "connection" | "address") => {
    if (closed) return;
    closed = true;
    options.onClose(bytes, budget);
    socket.disconnect(true);
  };
  if (shared) {
    shared.budget.open(shared.key, socket.id, (bytes) => close(bytes, "address"), now());
    socket.on("disconnect", () => shared.budget.close(shared.key, socket.id, now()));
  }
  /** Until when this light connection's events are answered RATE_LIMITED (its address is over budget). */
  let waitUntil = Number.NEGATIVE_INFINITY;
  socket.conn.on("packet", (packet: { type: string; data?: unknown }) => {
    if (packet.type !== "message" || !socket.connected) return;
    const t = now();
    const data = packet.data;
    const bytes =
      typeof data === "string" ? Buffer.byteLength(data) : data instanceof ArrayBuffer || ArrayBuffer.isView(data) ? data.byteLength : 0;
    if (count(own, bytes, t)) return close(own.bytes, "connection");
    const address = shared?.budget.add(shared.key, socket.id, bytes, t);
    if (!address?.over) return;
    if (address.heavy) return close(address.bytes, "address");
    waitUntil = t + address.retryAfterMs;
  });
  // Runs after the message is decoded, before any handler: the event that found its address over budget is answered.
  socket.use((event, next) => {
    const t = now();
    if (t >= waitUntil) return next();
    const ack = event.at(-1);
    if (typeof ack === "function") (ack as (reply: unknown) => void)(addressBusyError(waitUntil - t));
  });
}
