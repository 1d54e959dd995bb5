import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";

/**
 * The Redis suites run when REDIS_URL is set (.ci/run sets it). Without it they
 * skip and say why, except under CI=true, where a missing Redis is a failure.
 */
export function redisUrlForTests(suite: string): string | null {
  const url = process.env.REDIS_URL || null;
  if (url) return url;
  if (process.env.CI === "true") throw new Error(`${suite}: REDIS_URL is not set, and with CI=true the Redis suites must run`);
  console.warn(`${suite}: skipped, REDIS_URL is not set (e.g. REDIS_URL=redis://127.0.0.1:6379)`);
  return null;
}

/** A key prefix no other run shares: keys and pub/sub channels of one test never meet another's. */
export const uniqueRedisPrefix = (label: string) => `t-${label}-${randomUUID().slice(0, 8)}`;

/** A plain admin connection for a test's own checks. */
export const adminRedis = (url: string) => new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: false });

/** The keys under a prefix (SCAN, never KEYS on a shared server). */
export async function keysUnder(admin: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await admin.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== "0");
  return keys;
}

export async function deleteKeysUnder(admin: Redis, prefix: string): Promise<void> {
  const keys = await keysUnder(admin, prefix);
  if (keys.length) await admin.del(...keys);
}

/**
 * What a Redis restart does to the app: every one of its connections is cut.
 * Only connections named with this prefix are killed (apps name theirs
 * `<prefix>:<instance>:<role>`), never anyone else's on a shared server.
 */
export async function killConnectionsUnder(admin: Redis, prefix: string): Promise<number> {
  const list = (await admin.client("LIST")) as string;
  const ids = list
    .split("\n")
    .map((line) => ({ id: /(?:^| )id=(\d+)/.exec(line)?.[1], name: /(?:^| )name=(\S*)/.exec(line)?.[1] ?? "" }))
    .filter((c) => c.id && c.name.startsWith(`${prefix}:`))
    .map((c) => c.id!);
  for (const id of ids) await admin.client("KILL", "ID", id);
  return ids.length;
}
