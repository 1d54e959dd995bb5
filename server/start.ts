import type { Logger } from "pino";
import { createApp, type App, type AppDeps } from "./app.js";
import { ConfigError, type Config } from "./config.js";
import { serverUrl } from "./server-url.js";
import { acquireDataDirLock, announceServerUrl } from "./store/index.js";

/**
 * Take DATA_DIR, build the app, listen, and only then recover the sessions
 * the last run left active, in the background: the port answers at once
 * (/api/health says "recovering" meanwhile), and a process that cannot bind
 * exits without touching any session.
 */
export async function startServer(
  config: Config,
  deps: Omit<AppDeps, "databaseFile"> & { logger: Logger },
): Promise<{ app: App; port: number; release(): void }> {
  // The lock keeps a second process off one SQLite file; on PostgreSQL several instances share the database by design.
  const unlock = config.postgres ? () => undefined : acquireDataDirLock(config.dataDir);
  let unannounce: () => void = () => undefined;
  const release = () => (unannounce(), unlock());
  let app: App | null = null;
  try {
    app = await createApp({
      databaseFile: config.databaseFile,
      postgres: config.postgres,
      cluster: config.cluster,
      rateLimits: config.rateLimits,
      trustProxy: config.trustProxy,
      socketBytesPerAddress: config.socketBytesPerAddress,
      allowedOrigins: config.allowedOrigins,
      allowedHosts: config.allowedHosts,
      redis: config.redis,
      metricsToken: config.metricsToken,
      instanceId: config.instanceId,
      gradingThread: config.gradingThread,
      ...deps,
    });
    const server = app.httpServer;
    await new Promise<void>((resolve, reject) => {
      server.once("error", (err: NodeJS.ErrnoException) => {
        reject(
          err.code === "EADDRINUSE"
            ? new ConfigError(
                `Port ${config.port} on ${config.host} is already in use; set PORT to another port (PORT=0 picks a free one).`,
              )
            : err,
        );
      });
      server.listen(config.port, config.host, resolve);
    });
  } catch (err) {
    await app?.close().catch(() => undefined);
    release();
    throw err;
  }
  const started = app;
  started.startRecovery().catch((err) => deps.logger.error({ err }, "recovery failed"));
  // The grading thread loads the English model and builds the built-in packs' indexes now, not when the first
  // candidate's first answer needs them (that answer waited seconds for it).
  started.service.warmGrading(deps.builtinPacks.map((p) => ({ packId: p.id, version: p.version })));
  const address = started.httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  // The CLI's hints name this URL (PORT=0 picks the port only now); one server per DATA_DIR, so SQLite only.
  if (!config.postgres) unannounce = announceServerUrl(config.dataDir, serverUrl(config.host, port));
  return { app: started, port, release };
}
