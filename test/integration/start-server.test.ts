import { createServer } from "node:net";
import { dirname } from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import { startServer } from "../../server/start.js";
import { manualClock } from "../helpers/manual-clock.js";
import { miniPackWithRoundSeconds } from "../helpers/packs.js";
import { startTestServer, tempDatabaseFile } from "../helpers/server.js";
import { connectClient } from "../helpers/socket-client.js";
import { cli } from "../helpers/cli.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A session whose round is overdue, left active in DATA_DIR by a previous run. */
async function overdueSession(clock: ReturnType<typeof manualClock>) {
  const databaseFile = tempDatabaseFile();
  const first = await startTestServer({ packs: [miniPackWithRoundSeconds(60)], databaseFile, clock });
  const c = await connectClient(first.url);
  const start = await c.request("session:start", { packId: "mini", rounds: ["story"] });
  await c.waitFor("question:end");
  c.close();
  await first.close();
  clock.advance(120_000);
  return { databaseFile, start };
}

describe("start-up", () => {
  it("a process that cannot bind its port exits without recovering anyone's sessions; one that binds recovers them", async () => {
    const clock = manualClock();
    const { databaseFile, start } = await overdueSession(clock);
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, "127.0.0.1", r));
    cleanups.push(() => new Promise<void>((r) => busy.close(() => r())));
    const port = (busy.address() as { port: number }).port;
    const config = { ...loadConfig({ DATA_DIR: dirname(databaseFile), PORT: String(port) }), databaseFile };
    const deps = {
      builtinPacks: [miniPackWithRoundSeconds(60)],
      clientDist: null,
      logger: pino({ level: "silent" }),
      sandbox: null,
      clock,
    };

    await expect(startServer(config, deps)).rejects.toThrow(/already in use/);
    // Nothing ran: the overdue round is still open, and the lock was given back.
    const probe = await startTestServer({ packs: [miniPackWithRoundSeconds(60)], databaseFile, clock, recover: false });
    expect((await probe.app.service.snapshot(start.sessionId)).status).toBe("active");
    await probe.close();

    const ok = await startServer({ ...config, port: 0 }, deps);
    cleanups.push(() => (ok.app.close(), ok.release()));
    // The server answers while recovery runs; health says which.
    const health = await (await fetch(`http://127.0.0.1:${ok.port}/api/health`)).json();
    expect(["recovering", "ready"]).toContain(health.status);
    expect(await ok.app.startRecovery()).toBe(1);
    expect((await (await fetch(`http://127.0.0.1:${ok.port}/api/health`)).json()).status).toBe("ready");
    clock.advance(0); // the re-armed, overdue round timer fires
    for (let i = 0; i < 200 && (await ok.app.service.snapshot(start.sessionId)).status !== "complete"; i++)
      await new Promise((r) => setTimeout(r, 25));
    expect((await ok.app.service.snapshot(start.sessionId)).status).toBe("complete");

    // A second server on the same DATA_DIR is refused while the first runs.
    await expect(startServer({ ...config, port: 0 }, deps)).rejects.toThrow(/Another server \(pid \d+/);
  });

  it("with PORT=0 the CLI's hints name the port the server really took, and stop naming it once it stops", async () => {
    const dataDir = dirname(tempDatabaseFile());
    const config = loadConfig({ DATA_DIR: dataDir, PORT: "0" });
    const deps = { builtinPacks: [miniPackWithRoundSeconds(60)], clientDist: null, logger: pino({ level: "silent" }), sandbox: null };
    const running = await startServer(config, deps);
    const created = await cli(["team", "create", "Acme"], { DATA_DIR: dataDir, PORT: "0" });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(`http://127.0.0.1:${running.port}/api/teams/acme/packs`);
    // The hint's URL answers.
    expect((await fetch(`http://127.0.0.1:${running.port}/api/health`)).ok).toBe(true);
    await running.app.close();
    running.release();
    const after = await cli(["team", "create", "Other"], { DATA_DIR: dataDir, PORT: "0" });
    expect(after.stdout).toContain("<the URL npm start printed>/api/teams/other/packs");
  });
});
