import { connect, createServer, type Socket } from "node:net";

export type Backend = { host: string; port: number };

/**
 * A round-robin TCP load balancer for tests: each client connection goes to the
 * next backend in turn, skipping (and trying the next) any that refuses. It
 * speaks no HTTP, so WebSocket upgrades pass through untouched, and when a
 * backend dies its clients' connections close, as behind a real balancer.
 */
export async function startTcpProxy(backends: Backend[]) {
  let list = [...backends];
  let next = 0;
  const open = new Set<Socket>();
  /** Connections handed to each backend ("host:port"), for tests that check the spread. */
  const handed = new Map<string, number>();

  function dial(client: Socket, attempt: number): void {
    if (list.length === 0 || attempt >= list.length) {
      client.destroy();
      return;
    }
    const backend = list[next++ % list.length]!;
    const upstream = connect(backend.port, backend.host);
    let connected = false;
    upstream.once("connect", () => {
      connected = true;
      const key = `${backend.host}:${backend.port}`;
      handed.set(key, (handed.get(key) ?? 0) + 1);
      open.add(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
    upstream.on("error", () => {
      // Refused before any byte went through: the client never knew, try the next one.
      if (!connected) dial(client, attempt + 1);
      else client.destroy();
    });
    upstream.on("close", () => {
      open.delete(upstream);
      if (connected) client.destroy();
    });
    client.on("close", () => upstream.destroy());
  }

  const server = createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.on("close", () => open.delete(client));
    client.on("error", () => client.destroy());
    dial(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    handed,
    setBackends(updated: Backend[]) {
      list = [...updated];
    },
    async close() {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type TcpProxy = Awaited<ReturnType<typeof startTcpProxy>>;
