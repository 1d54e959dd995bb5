/** The URL a browser or curl on this machine reaches a server bound to host:port at. */
export function serverUrl(host: string, port: number): string {
  // A wildcard bind answers on every interface; localhost is the one every user can type.
  const name = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}
