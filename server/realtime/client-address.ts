/**
 * The client's address for per-address limits: the socket's peer, or, behind a
 * trusted proxy, the address that proxy saw (the last X-Forwarded-For entry:
 * the ones before it come from the client and can say anything).
 */
export function clientAddress(
  handshake: { address: string; headers: Record<string, string | string[] | undefined> },
  trustProxy: boolean,
): string {
  if (trustProxy) {
    const forwarded = handshake.headers["x-forwarded-for"];
    const last = (Array.isArray(forwarded) ? forwarded.at(-1) : forwarded)?.split(",").at(-1)?.trim();
    if (last) return last.slice(0, 100);
  }
  return handshake.address;
}
