/**
 * DNS rebinding: a page on an attacker's domain whose name is made to resolve
 * to 127.0.0.1 is "same origin" with this server as far as the browser and
 * the Origin check can tell (Origin and Host both name the attacker's domain),
 * so it could read reports and drive sessions on a laptop's server. The Host
 * header is the tell: a server bound to loopback is only ever reached as
 * localhost, 127.0.0.1 or [::1], unless the operator names other hosts.
 */

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "::1", "[::1]"];

/** Host names this server answers to: ALLOWED_HOSTS if set, loopback names when bound to loopback, else any (null). */
export function defaultAllowedHosts(bindHost: string, configured: readonly string[]): string[] | null {
  if (configured.includes("*")) return null;
  if (configured.length > 0) return configured.map(normalise);
  const bind = normalise(bindHost);
  return LOOPBACK_NAMES.includes(bind) || bind.startsWith("127.") ? [...new Set([...LOOPBACK_NAMES, bind])] : null;
}

/** Does a request's Host header (name and optional port) name one of the allowed hosts? null allows any. */
export function hostAllowed(hostHeader: string | undefined, allowed: readonly string[] | null): boolean {
  if (allowed === null) return true;
  if (!hostHeader || hostHeader.length > 300) return false;
  return allowed.includes(hostName(hostHeader));
}

/** "Example.com:3000" -> "example.com"; "[::1]:3000" -> "[::1]". */
function hostName(hostHeader: string): string {
  const value = normalise(hostHeader);
  if (value.startsWith("[")) return value.slice(0, value.indexOf("]") + 1);
  const colon = value.lastIndexOf(":");
  return colon === -1 ? value : value.slice(0, colon);
}

const normalise = (name: string) => name.trim().toLowerCase().replace(/\.$/, "");
