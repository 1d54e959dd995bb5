// The multi-instance side of `npm run bench:load`: three server processes (the real entry point)
// on one PostgreSQL database and one Redis, the simulated candidates spread over them round-robin
// as a load balancer would. Each N gets a fresh database and Redis prefix; afterwards every
// acknowledged answer is looked up in PostgreSQL, and the CPU the app processes, their PostgreSQL
// backends and Redis used is reported, to say which of them limits the knee.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { spawnInstance, type Instance } from "../../test/helpers/instances.js";
import { cpuMeter } from "./proc-cpu.js";

/** What a load run needs from the system under test. */
export type LoadTarget = {
  label: string;
  start(): Promise<RunningTarget>;
};
export type RunningTarget = {
  /** Candidate i connects to urls[i % urls.length]. */
  urls: string[];
  /** Called once the candidates are connected and the measured window begins. */
  measureFrom(): Promise<void>;
  /** Stop everything; how many submitted answers are stored, and what each part used. */
  stop(): Promise<{ storedSubmits: number; usage: string }>;
};

const databaseUrlWith = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

export function clusterTarget(options: { databaseUrl: string; redisUrl: string; instances: number }): LoadTarget {
  return {
    label: `${options.instances} instances, PostgreSQL + Redis`,
    async start() {
      const database = `mi_bench_${randomUUID().slice(0, 8)}`;
      const admin = new pg.Client({ connectionString: options.databaseUrl });
      await admin.connect();
      await admin.query(`create database ${database}`);
      const url = databaseUrlWith(options.databaseUrl, database);
      const keyPrefix = `bench-${randomUUID().slice(0, 8)}`;
      const env = {
        DATABASE_URL: url,
        REDIS_URL: options.redisUrl,
        REDIS_KEY_PREFIX: keyPrefix,
        LOG_LEVEL: "warn",
        TRUST_PROXY: "true",
        SANDBOX_PYTHON_POOL: "1",
        SANDBOX_TS_WORKERS: "1",
      };
      let instances: Instance[] = [];
      try {
        // One at a time: the first runs the migrations, the others find them done.
        instances.push(await spawnInstance("bench-1", { ...env, DATA_DIR: mkdtempSync(join(tmpdir(), "mi-bench-")) }));
        instances = instances.concat(
          await Promise.all(
            Array.from({ length: options.instances - 1 }, (_, i) =>
              spawnInstance(`bench-${i + 2}`, { ...env, DATA_DIR: mkdtempSync(join(tmpdir(), "mi-bench-")) }),
            ),
          ),
        );
      } catch (err) {
        await Promise.all(instances.map((i) => i.kill("SIGKILL")));
        await admin.query(`drop database if exists ${database} with (force)`);
        await admin.end();
        throw err;
      }
      const redisAdmin = new Redis(options.redisUrl);
      const backendPids = async () =>
        (await admin.query<{ pid: number }>("select pid from pg_stat_activity where datname = $1", [database])).rows.map((r) => r.pid);
      const redisPid = Number(/process_id:(\d+)/.exec(await redisAdmin.info("server"))?.[1] ?? 0);
      const meters = {
        app: cpuMeter(() => instances.map((i) => i.child.pid!)),
        postgres: cpuMeter(backendPids),
        redis: cpuMeter(() => (redisPid ? [redisPid] : [])),
      };
      return {
        urls: instances.map((i) => i.url),
        async measureFrom() {
          await Promise.all(Object.values(meters).map((m) => m.start()));
        },
        async stop() {
          const cores = { app: await meters.app.cores(), postgres: await meters.postgres.cores(), redis: await meters.redis.cores() };
          await Promise.all(instances.map((i) => i.kill("SIGTERM")));
          const db = new pg.Client({ connectionString: url });
          await db.connect();
          const stored = Number((await db.query<{ n: string }>("select count(*) as n from answers where reason = 'submit'")).rows[0]!.n);
          await db.end();
          await admin.query(`drop database if exists ${database} with (force)`);
          await admin.end();
          for (let cursor = "0"; ;) {
            const [next, keys] = await redisAdmin.scan(cursor, "MATCH", `${keyPrefix}:*`, "COUNT", 1000);
            if (keys.length) await redisAdmin.del(...keys);
            if ((cursor = next) === "0") break;
          }
          redisAdmin.disconnect();
          return {
            storedSubmits: stored,
            usage: `app ${cores.app.toFixed(2)} cores, PostgreSQL ${cores.postgres.toFixed(2)}, Redis ${cores.redis.toFixed(2)}`,
          };
        },
      };
    },
  };
}
