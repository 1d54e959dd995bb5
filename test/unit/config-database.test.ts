import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config.js";

describe("database configuration", () => {
  it("uses SQLite in DATA_DIR unless DATABASE_URL is set", () => {
    const config = loadConfig({ DATA_DIR: "/tmp/somewhere" });
    expect(config.postgres).toBeNull();
    expect(config.databaseFile).toBe("/tmp/somewhere/interview.db");
  });

  it("selects PostgreSQL with DATABASE_URL, with its pool size and cluster timings", () => {
    const config = loadConfig({
      DATABASE_URL: "postgresql://app:secret@db.internal:5432/interviews",
      DATABASE_POOL_SIZE: "25",
      CLUSTER_LEASE_MS: "20000",
      CLUSTER_POLL_MS: "250",
    });
    expect(config.postgres).toEqual({ url: "postgresql://app:secret@db.internal:5432/interviews", poolSize: 25 });
    expect(config.cluster).toEqual({ leaseMs: 20_000, pollMs: 250 });
    expect(loadConfig({ DATABASE_URL: "postgres://postgres@127.0.0.1/test" }).postgres?.poolSize).toBe(10);
  });

  it("puts every table in DATABASE_SCHEMA when set, and refuses a schema name that is not a plain identifier", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://x@y/z", DATABASE_SCHEMA: "tenant_a" }).postgres?.schema).toBe("tenant_a");
    expect(() => loadConfig({ DATABASE_URL: "postgres://x@y/z", DATABASE_SCHEMA: 'a"; drop table x' })).toThrow(/DATABASE_SCHEMA/);
  });

  it("refuses a DATABASE_URL that is not PostgreSQL without echoing it (it may hold a password)", () => {
    const attempt = () => loadConfig({ DATABASE_URL: "mysql://root:hunter2@localhost/db" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/DATABASE_URL=\(hidden\): must be a PostgreSQL URL/);
    expect(attempt).not.toThrow(/hunter2/);
  });

  it("needs at least two pooled connections (start-up migrates on one while holding the lock on another)", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://x@y/z", DATABASE_POOL_SIZE: "1" })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
