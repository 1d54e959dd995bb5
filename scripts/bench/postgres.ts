// What PostgreSQL and its session leases cost one instance, against SQLite measured in the same run:
// a draft's ack and a submit's first byte of the next question, over a real socket.
// Needs DATABASE_URL (a server where it may create and drop a database of its own).
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx scripts/bench/postgres.ts
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createApp } from "../../server/app.js";
import type { PostgresTarget } from "../../server/store/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { sitSessions } from "./sit-sessions.js";
import { printRow, summarise } from "./stats.js";

type Stats = ReturnType<typeof summarise>;

async function measure(label: string, postgres: PostgresTarget | null, sessions: number): Promise<{ draft: Stats; submit: Stats }> {
  const app = await createApp({
    databaseFile: join(mkdtempSync(join(tmpdir(), "mi-bench-pg-")), "bench.db"),
    ...(postgres ? { postgres } : {}),
    builtinPacks: loadPacksFromDir("scenarios"),
    sandbox: null,
    rateLimits: null,
  });
  await app.startRecovery();
  await new Promise<void>((r) => app.httpServer.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  const { drafts, firstByte } = await sitSessions(url, sessions);
  await app.close();
  const result = { draft: summarise(drafts), submit: summarise(firstByte) };
  printRow(`${label}: draft ack`, result.draft);
  printRow(`${label}: submit → first byte of the follow-up`, result.submit);
  return result;
}

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: this benchmark compares PostgreSQL with SQLite");
  process.exit(1);
}
const sessions = Number(process.env.BENCH_SESSIONS ?? 20);
const name = `mi_bench_${Date.now()}_${process.pid}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create database "${name}"`);
try {
  const target = new URL(url);
  target.pathname = `/${name}`;
  const sqlite = await measure("SQLite", null, sessions);
  const postgres = await measure("PostgreSQL (leases, fenced writes)", { url: target.toString(), poolSize: 10 }, sessions);
  const x = (a: Stats, b: Stats) => `${(a.median / b.median).toFixed(1)}× / ${(a.p95 / b.p95).toFixed(1)}×`;
  console.log(
    `PostgreSQL ÷ SQLite (median / p95): draft ack ${x(postgres.draft, sqlite.draft)}, submit ${x(postgres.submit, sqlite.submit)}`,
  );
} finally {
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
