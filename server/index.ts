import pino from "pino";
import { ensureClientBuilt } from "./client-build.js";
import { ConfigError, loadConfig } from "./config.js";
import { loadPacksFromDir, PackValidationError } from "./scenarios/index.js";
import { startServer } from "./start.js";
import { DataDirLockedError } from "./store/index.js";

/** Start-up only: read config, load packs, start (lock, listen, recover in the background). */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const builtinPacks = loadPacksFromDir(config.packsDir);
  await ensureClientBuilt(config.clientDist, (msg) => logger.info(msg));
  const { app, port, release } = await startServer(config, {
    builtinPacks,
    clientDist: config.clientDist,
    logger,
    sandbox: config.sandbox,
    model: config.model,
  });
  const database = config.postgres ? redactUrl(config.postgres.url) : config.databaseFile;
  logger.info({ port, database, instance: app.instanceId, packs: builtinPacks.map((p) => p.id) }, "server listening");
  console.log(`\n  Mock interviews ready: http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`);
  for (const [language, capability] of Object.entries(app.sandbox?.capabilities ?? {})) {
    console.log(`  ${language} code runs: ${capability.available ? "yes (sandboxed)" : `no: ${capability.reason}`}`);
  }
  console.log("");

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await app.close();
    release();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

/** A database URL without its password, for logs. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof PackValidationError || err instanceof DataDirLockedError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
