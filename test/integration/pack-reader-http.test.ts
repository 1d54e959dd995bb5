import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePackLocated } from "../../server/scenarios/index.js";
import { bigPackYaml } from "../helpers/big-pack.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient } from "../helpers/socket-client.js";

let server: TestServer;
let acme: string;
beforeAll(async () => {
  server = await startTestServer({ packs: [miniPack()] });
  acme = (await server.app.teams.create("Acme")).token;
});
afterAll(() => server.close());

const post = (path: string, body: string) =>
  fetch(`${server.url}/api/teams/acme/packs${path}`, {
    method: "POST",
    body,
    headers: { authorization: `Bearer ${acme}`, "content-type": "application/yaml" },
  });

/** Yield to the event loop until `ready` holds (the server runs in this process: while it is blocked, so is this). */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setImmediate(resolve));
}

describe("a big pack is read off the event loop (finding F2)", () => {
  it("answers /api/health and a socket ack while a valid 2 MB pack is being validated", async () => {
    const reader = server.app.packReader!;
    const big = bigPackYaml();
    expect(Buffer.byteLength(big)).toBeGreaterThan(1_900_000);
    let validated = false;
    const validation = post("/validate", big).then(async (res) => {
      validated = true;
      return { status: res.status, body: await res.json() };
    });
    // The server has the whole body and the reading thread has the pack.
    await until(() => reader.reading === 1);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(validated).toBe(false);
    const client = await connectClient(server.url);
    const ack = await client.send("session:resume", { sessionId: "00000000-0000-4000-8000-000000000000", resumeToken: "x".repeat(43) });
    client.close();
    expect(ack.ok).toBe(false);
    // Both were answered while the pack was still being read: before the validation's answer.
    expect(validated).toBe(false);
    expect(reader.reading).toBe(1);
    const { status, body } = await validation;
    expect(status).toBe(200);
    expect(body.valid).toBe(true);
    expect(body.preview).toHaveLength(parsePackLocated(big, "x").pack.questions.length);
  });

  it("publishes a big pack read in the thread, and locates a problem in it by line as the event loop would", async () => {
    const big = bigPackYaml(1_000_000, "big-publish");
    const published = await post("", big);
    expect(published.status).toBe(201);
    expect(await published.json()).toMatchObject({ id: "big-publish", version: 1 });
    // A mistake near the end of the text: the issue names its line, as parsing on this thread does.
    const at = big.lastIndexOf("weight: 2");
    const broken = `${big.slice(0, at)}weight: -2${big.slice(at + "weight: 2".length)}`;
    const res = await post("/validate", broken);
    const body = await res.json();
    expect(body.valid).toBe(false);
    let expected: unknown;
    try {
      parsePackLocated(broken, "editor");
    } catch (err) {
      expected = (err as { issues: unknown }).issues;
    }
    expect(body.issues).toEqual(expected);
    expect(body.issues[0].line).toBe(big.slice(0, at).split("\n").length);
  });
});
