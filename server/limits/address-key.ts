import { isIPv4, isIPv6 } from "node:net";

/** Hextets of an IPv6 address, "::" expanded and a dotted IPv4 tail read as two; null if it is not one. */
function hextets(address: string): number[] | null {
  const bare = address.replace(/%.*$/, ""); // a zone id ("fe80::1%eth0") names an interface, not a host
  if (!isIPv6(bare)) return null;
  const toHextets = (part: string): number[] =>
    part === ""
      ? []
      : part.split(":").flatMap((piece) => {
          if (!piece.includes(".")) return [parseInt(piece, 16)];
          const [a, b, c, d] = piece.split(".").map(Number) as [number, number, number, number];
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head, tail] = bare.split("::") as [string, string | undefined];
  const front = toHextets(head);
  if (tail === undefined) return front;
  const back = toHextets(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/**
 * The key an address's rate limits count under. IPv4 as is (also written IPv4-mapped, as a
 * dual-stack socket reports it). IPv6 by its /64 network: one host, home or phone is given a
 * whole /64 (RFC 6177), so counting single addresses would let one client rotate through
 * 2^64 of them and start sessions without limit.
 */
export function addressKey(address: string): string {
  if (isIPv4(address)) return address;
  const h = hextets(address);
  if (!h) return address.slice(0, 100); // not an IP (a test harness, a unix socket): as given
  const mapped = h.slice(0, 5).every((x) => x === 0) && h[5] === 0xffff;
  if (mapped) return [h[6]! >> 8, h[6]! & 255, h[7]! >> 8, h[7]! & 255].join(".");
  return `${h
    .slice(0, 4)
    .map((x) => x.toString(16))
    .join(":")}::/64`;
}
