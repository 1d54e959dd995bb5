// Server-side time, taken inside the server process on its socket.io server: from the moment a
// client's packet is decoded (socket.use, before any handler) to the moment the server writes the
// answer to it: the ack for a draft, the first `question:delta` of the next question for a submit.
// The network and the client's own event loop are left out, so the figure is the server's work.
import type { InterviewIo } from "../../server/realtime/index.js";

/** `submits[n]`: the (n+1)th submit on each connection (sitSessions: 0 is answered by a follow-up, 1 by the next question). */
export type ServerSideTimes = { drafts: number[]; submits: number[][] };

/** Start recording on every connection made from now on; read the arrays at any time. */
export function recordServerSide(io: InterviewIo): ServerSideTimes {
  const times: ServerSideTimes = { drafts: [], submits: [] };
  io.on("connection", (socket) => {
    let submittedAt: number | null = null;
    let nth = 0;
    socket.use((packet, next) => {
      const at = performance.now();
      const [event] = packet;
      const ack = packet.at(-1);
      if (event === "answer:submit") submittedAt = at;
      if (event === "answer:draft" && typeof ack === "function") {
        packet[packet.length - 1] = (...args: unknown[]) => {
          times.drafts.push(performance.now() - at);
          (ack as (...a: unknown[]) => void)(...args);
        };
      }
      next();
    });
    // Called as the packet is handed to the connection (room broadcasts included).
    socket.onAnyOutgoing((event: string) => {
      if (event === "question:delta" && submittedAt !== null) {
        (times.submits[nth++] ??= []).push(performance.now() - submittedAt);
        submittedAt = null;
      }
    });
  });
  return times;
}
