import pino from "pino";
import { createApp } from "./app.js";
import { ensureClientBuilt } from "./client-build.js";
import { ConfigError, loadConfig } from "./config.js";
import { loadPacksFromDir, PackValidationError } from "./scenarios/index.js";

/** Start-up only: read config, load packs, build the app, listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const builtinPacks = loadPacksFromDir(config.packsDir);
  await ensureClientBuilt(config.clientDist, (msg) => logger.info(msg));
  const app = await createApp({ databaseFile: config.databaseFile, builtinPacks, clientDist: config.clientDist, logger, sandbox: config.sandbox, model: config.model });
  await new Promise<void>((resolve, reject) => {
    app.httpServer.once("error", (err: NodeJS.ErrnoException) => {
      reject(err.code === "EADDRINUSE" ? new ConfigError(`Port ${config.port} on ${config.host} is already in use; set PORT to another port (PORT=0 picks a free one).`) : err);
    });
    app.httpServer.listen(config.port, config.host, resolve);
  });
  const address = app.httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  logger.info({ port, database: config.databaseFile, packs: builtinPacks.map((p) => p.id) }, "server listening");
  console.log(`\n  Mock interviews ready: http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`);
  for (const [language, capability] of Object.entries(app.sandbox?.capabilities ?? {})) {
    console.log(`  ${language} code runs: ${capability.available ? "yes (sandboxed)" : `no: ${capability.reason}`}`);
  }
  console.log("");

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await app.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof PackValidationError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
