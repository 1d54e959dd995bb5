import type { Server } from "node:http";
import type { Socket } from "node:net";

/**
 * Close an idle keep-alive socket only once the event loop has read what already arrived on it.
 *
 * Node closes an idle keep-alive socket from a timer. libuv (1.45+, Node 20) runs timers at the end of a loop
 * iteration, after the poll phase: a request written to an idle socket during that iteration (a client in this
 * process, or one whose bytes came in while the loop was held up for seconds) sits unread in the socket's buffer
 * when the timer fires, and closing a socket with unread bytes sends a reset. The client, which had every reason to
 * reuse the socket, reads `ECONNRESET` (team-authoring under load; test/integration/keep-alive-expiry.test.ts
 * reproduces it without load). A server-level "timeout" listener stops Node's own close (server.timeout is 0, so the
 * keep-alive expiry is the only socket timeout here); the socket is closed one loop turn later unless bytes arrived.
 * Anything that arrived is a request Node's parser is already serving, bounded by headersTimeout and requestTimeout,
 * and the socket's keep-alive timer is armed again after its response.
 */
export function closeIdleSocketsAfterReading(server: Server): void {
  server.on("timeout", (socket: Socket) => {
    const read = socket.bytesRead;
    // setImmediate runs after the next poll phase, which reads what is already in the socket's buffer.
    setImmediate(() => {
      if (socket.bytesRead === read && !socket.destroyed) socket.destroy();
    });
  });
}
