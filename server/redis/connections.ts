import { Redis, type RedisOptions } from "ioredis";
import type { Logger } from "pino";

/** Where this app's Redis lives and the prefix every key and channel it uses starts with. */
export type RedisConfig = {
  url: string;
  /** Several deployments (or test runs) may share one Redis: keys and pub/sub channels carry this prefix. */
  keyPrefix: string;
};

/**
 * The three connections an app holds: pub and sub for the socket.io adapter (a
 * subscribed connection can do nothing else) and one for rate limits.
 */
export type RedisConnections = {
  config: RedisConfig;
  pub: Redis;
  sub: Redis;
  limiter: Redis;
  /** "ready" when every connection is up; otherwise which are not (health reports it). */
  status(): "ready" | string;
  close(): Promise<void>;
};

/** Reconnect for ever, backing off to 2 s: a Redis restart needs no manual step on any instance. */
const retryStrategy = (times: number) => Math.min(100 * times, 2000);

/**
 * Open the connections. Nothing here waits for Redis: an instance starts (and
 * serves its own candidates) while Redis is down, and catches up once it is back.
 *
 * - pub/sub queue commands while disconnected and never give up on them
 *   (maxRetriesPerRequest null): the adapter publishes without handling a
 *   rejection, and a broadcast sent during an outage is better late than lost
 *   (every event is also in the database and replayed on resume). ioredis
 *   re-subscribes by itself after a reconnect.
 * - the limiter connection fails fast instead (no offline queue, short command
 *   timeout): a refused or slow Redis hands the decision to the in-memory
 *   insurance limiter, it never holds a request.
 */
export function connectRedis(config: RedisConfig, logger: Logger, instance: string): RedisConnections {
  const base: RedisOptions = { retryStrategy, lazyConnect: false, enableAutoPipelining: false };
  const open = (role: string, options: RedisOptions) => {
    // The name lets an operator (or a test) find this instance's connections in CLIENT LIST.
    const client = new Redis(config.url, { ...base, ...options, connectionName: `${config.keyPrefix}:${instance}:${role}` });
    let down = false;
    client.on("error", (err: Error) => {
      // One line per outage, not one per retry.
      if (!down) logger.warn({ role, err: err.message }, "redis connection lost; reconnecting");
      down = true;
    });
    client.on("ready", () => {
      if (down) logger.info({ role }, "redis connection back");
      down = false;
    });
    return client;
  };
  const pub = open("pub", { maxRetriesPerRequest: null });
  const sub = open("sub", { maxRetriesPerRequest: null });
  const limiter = open("limits", { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500 });
  const all = { pub, sub, limiter };
  return {
    config,
    pub,
    sub,
    limiter,
    status() {
      const notReady = Object.entries(all).filter(([, c]) => c.status !== "ready");
      return notReady.length === 0 ? "ready" : notReady.map(([role, c]) => `${role} ${c.status}`).join(", ");
    },
    async close() {
      // quit() waits for Redis; a connection that is down would wait for ever (its commands never give up).
      await Promise.all(
        Object.values(all).map(async (c) => {
          if (c.status !== "ready") return c.disconnect();
          const timer = setTimeout(() => c.disconnect(), 1000);
          await c.quit().catch(() => c.disconnect());
          clearTimeout(timer);
        }),
      );
    },
  };
}
