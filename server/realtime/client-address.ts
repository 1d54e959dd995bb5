/** The client's address for per-address limits: the socket's peer, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientAddress(
  handshake: { address: string; headers: Record<string, string | string[] | undefined> },
  trustProxy: boolean,
): string {
  if (trustProxy) {
    const forwarded = handshake.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first.slice(0, 100);
  }
  return handshake.address;
}
