import type { Socket } from "socket.io";

/** Bytes one connection may send in a window: far above any client of ours, far below a flood of large frames. */
export const INCOMING_BYTES_PER_WINDOW = 4_000_000;
export const INCOMING_WINDOW_MS = 10_000;

/**
 * Close a connection that sends more bytes than any client of ours could. Rate limits count events, and each event
 * is decoded (JSON.parse of up to MAX_SOCKET_MESSAGE_BYTES) before they see it: an outside test sent ~1 MB frames on
 * ten connections and another client's acks took seconds. engine.io emits "packet" before socket.io decodes it, so
 * the bytes are counted as they arrive; past the budget the connection is closed and the rest of what it sends is
 * never parsed. The per-address connection limit (limits.connection) bounds how often it may come back.
 */
export function limitIncomingBytes(
  socket: Socket,
  onClose: (bytes: number) => void,
  now: () => number = Date.now,
  budget = INCOMING_BYTES_PER_WINDOW,
  windowMs = INCOMING_WINDOW_MS,
): void {
  let windowStart = now();
  let bytes = 0;
  socket.conn.on("packet", (packet: { type: string; data?: unknown }) => {
    if (packet.type !== "message") return;
    const t = now();
    if (t - windowStart >= windowMs) {
      windowStart = t;
      bytes = 0;
    }
    const data = packet.data;
    bytes +=
      typeof data === "string" ? Buffer.byteLength(data) : data instanceof ArrayBuffer || ArrayBuffer.isView(data) ? data.byteLength : 0;
    if (bytes > budget && socket.connected) {
      onClose(bytes);
      socket.disconnect(true);
    }
  });
}
