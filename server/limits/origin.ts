/**
 * May a browser page from `origin` open a socket to this server? Requests
 * without an Origin header are not from a browser page (CLIs, tests, the
 * load bench) and carry no cross-site risk. A page's origin must be this
 * server's own (same host as the request) or on the configured allow-list.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowList: readonly string[]): boolean {
  if (!origin) return true;
  if (allowList.includes("*") || allowList.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
