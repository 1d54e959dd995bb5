import type { Socket } from "socket.io";
import { INCOMING_BYTES_PER_ADDRESS, INCOMING_BYTES_PER_WINDOW, INCOMING_WINDOW_MS } from "../contracts/index.js";

type Window = { start: number; bytes: number };

/** Counts bytes in fixed windows; `add` says whether the count is past the budget. */
function windowCounter(budget: number, windowMs: number) {
  return (w: Window, bytes: number, t: number): boolean => {
    if (t - w.start >= windowMs) {
      w.start = t;
      w.bytes = 0;
    }
    w.bytes += bytes;
    return w.bytes > budget;
  };
}

/** The bytes each address's connections sent together, shared by every connection of one server. */
export type AddressByteBudget = {
  /** Count bytes for an address: its bytes in this window, and whether they are past its budget. */
  add(address: string, bytes: number, t: number): { bytes: number; over: boolean };
  /** A connection of this address opened or closed: an address with none left is forgotten. */
  open(address: string): void;
  close(address: string): void;
  /** Addresses held now (bounded by open connections). */
  size(): number;
};

export function createAddressByteBudget(budget = INCOMING_BYTES_PER_ADDRESS, windowMs = INCOMING_WINDOW_MS): AddressByteBudget {
  const byAddress = new Map<string, Window & { connections: number }>();
  const count = windowCounter(budget, windowMs);
  return {
    add(address, bytes, t) {
      const w = byAddress.get(address);
      if (!w) return { bytes, over: false };
      const over = count(w, bytes, t);
      return { bytes: w.bytes, over };
    },
    open(address) {
      const w = byAddress.get(address);
      if (w) w.connections++;
      else byAddress.set(address, { start: Number.NEGATIVE_INFINITY, bytes: 0, connections: 1 });
    },
    close(address) {
      const w = byAddress.get(address);
      if (w && --w.connections <= 0) byAddress.delete(address);
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

/**
 * Close a connection that sends more bytes than any client of ours could, alone or with the other connections of
 * its address. Rate limits count events, and each event is decoded (JSON.parse of up to MAX_SOCKET_MESSAGE_BYTES)
 * before they see it: an outside test sent ~1 MB frames on ten connections and another client's acks took seconds.
 * engine.io emits "packet" before socket.io decodes it, so the bytes are counted as they arrive; past a budget the
 * connection is closed and the rest of what it sends is never parsed. The per-address connection limit
 * (limits.connection) bounds how often it may come back.
 */
export function limitIncomingBytes(socket: Socket, options: IncomingBytesOptions): void {
  const now = options.now ?? Date.now;
  const windowMs = options.windowMs ?? INCOMING_WINDOW_MS;
  const count = windowCounter(options.perConnection ?? INCOMING_BYTES_PER_WINDOW, windowMs);
  const own: Window = { start: Number.NEGATIVE_INFINITY, bytes: 0 };
  const shared = options.address;
  if (shared) {
    shared.budget.open(shared.key);
    socket.on("disconnect", () => shared.budget.close(shared.key));
  }
  socket.conn.on("packet", (packet: { type: string; data?: unknown }) => {
    if (packet.type !== "message" || !socket.connected) return;
    const t = now();
    const data = packet.data;
    const bytes =
      typeof data === "string" ? Buffer.byteLength(data) : data instanceof ArrayBuffer || ArrayBuffer.isView(data) ? data.byteLength : 0;
    const overOwn = count(own, bytes, t);
    const address = shared?.budget.add(shared.key, bytes, t);
    if (overOwn || address?.over) {
      options.onClose(overOwn ? own.bytes : address!.bytes, overOwn ? "connection" : "address");
      socket.disconnect(true);
    }
  });
}
