// The server under load, in its own process (npm run bench:load starts it): one SQLite file, one process.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { createApp } from "../../server/app.js";
import { DEFAULT_LIMITS } from "../../server/sandbox/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";

const databaseFile = join(mkdtempSync(join(tmpdir(), "mi-load-")), "interview.db");
const app = await createApp({
  databaseFile,
  builtinPacks: loadPacksFromDir("scenarios"),
  logger: pino({ level: "warn" }),
  sandbox: { limits: DEFAULT_LIMITS, pythonPool: 1, typescriptWorkers: 1 },
  // Each simulated candidate comes from its own address, as in a real deployment behind a proxy.
  trustProxy: true,
});
await new Promise<void>((r) => app.httpServer.listen(0, "127.0.0.1", r));
await app.startRecovery();
const port = (app.httpServer.address() as { port: number }).port;
process.stdout.write(`${JSON.stringify({ port, databaseFile })}\n`);
process.once("SIGTERM", () => void app.close().then(() => process.exit(0)));
