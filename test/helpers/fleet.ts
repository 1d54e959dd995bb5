import { startTestServer, type TestServer } from "./server.js";
import { connectClient, type TestClient } from "./socket-client.js";

type ServeOptions = Parameters<typeof startTestServer>[0];

/**
 * The servers and socket clients a test file starts, so each test can start
 * what it needs in one line and have it all closed after it: call
 * `closeAll()` in `afterEach`.
 */
export function testFleet() {
  const servers: TestServer[] = [];
  const clients: TestClient[] = [];
  return {
    async serve(options: ServeOptions): Promise<TestServer> {
      const server = await startTestServer(options);
      servers.push(server);
      return server;
    },
    async client(url: string): Promise<TestClient> {
      const client = await connectClient(url);
      clients.push(client);
      return client;
    },
    /** The test closes this server itself (a restart, a graceful stop): not closed again after it. */
    release(server: TestServer): void {
      servers.splice(servers.indexOf(server), 1);
    },
    /** `killed`: servers whose close may fail (a killed instance's pool is gone; that was the point of killing it). */
    async closeAll(options: { killed?: TestServer[] } = {}): Promise<void> {
      clients.splice(0).forEach((c) => c.close());
      for (const server of servers.splice(0)) {
        if (options.killed?.includes(server)) await server.close().catch(() => undefined);
        else await server.close();
      }
    },
  };
}
export type TestFleet = ReturnType<typeof testFleet>;

/** A candidate on `url` (mini pack): the session started, its first question asked in full, a draft of it saved. */
export async function candidateWithDraft(
  fleet: TestFleet,
  url: string,
  draft: { rounds: string[]; questionId: string; text: string },
): Promise<{ client: TestClient; start: { sessionId: string; resumeToken: string } }> {
  const client = await fleet.client(url);
  const start = (await client.request("session:start", { packId: "mini", rounds: draft.rounds })) as {
    sessionId: string;
    resumeToken: string;
  };
  await client.waitFor("question:end");
  await client.request("answer:draft", { sessionId: start.sessionId, questionId: draft.questionId, text: draft.text });
  return { client, start };
}

/**
 * Wait (real time, bounded) for work the test's clocks already set off: the
 * clocks do not move here, so what is awaited cannot depend on how fast the
 * machine is, only whether it happens. `said`: what to add to the failure.
 */
export async function eventually<T>(read: () => Promise<T | undefined>, options: { ms?: number; said?: () => string } = {}): Promise<T> {
  const deadline = Date.now() + (options.ms ?? 60_000);
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting${options.said ? `; ${options.said()}` : ""}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
