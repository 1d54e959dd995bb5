// The README's test command: type-check, run every vitest suite, and end with a
// plain "N passed, N failed, N skipped" line that CI tooling can read.
//
// Two passes: every suite on SQLite (the default a laptop runs), then, when
// DATABASE_URL is set, the integration suites that touch the database again on
// PostgreSQL (in a fresh database made for this run and dropped after it),
// plus the multi-instance tests that only mean something there.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import pg from "pg";

// One report file per run: two `npm test` side by side must not read or delete each other's.
const REPORT = `.vitest-report-${process.pid}.json`;
const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { stdio: "inherit", env }).status ?? 1;

/** Only on PostgreSQL: several instances on one database and the lease statements they share (SQLite allows one process per file). */
const POSTGRES_ONLY = ["test/integration/cluster.test.ts", "test/integration/leases.test.ts", "test/integration/cluster-kill.test.ts"];
/**
 * Not run a second time on PostgreSQL: they never reach the database (the
 * sandbox suites), hold an in-memory SQLite of their own (selftest), spawn the
 * CLI as a user runs it, or test the SQLite start-up and its DATA_DIR lock.
 */
const SQLITE_ONLY = [
  "test/integration/sandbox-hostile.test.ts",
  "test/integration/sandbox-forgeable.test.ts",
  "test/integration/sandbox-waiting.test.ts",
  "test/integration/selftest.test.ts",
  "test/integration/cli.test.ts",
  "test/integration/start-server.test.ts",
];

const totals = { passed: 0, failed: 0, skipped: 0, ran: 0 };
function vitest(label, args, env) {
  console.log(`\n> vitest (${label})`);
  rmSync(REPORT, { force: true });
  const status = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORT}`, ...args], env);
  if (existsSync(REPORT)) {
    const r = JSON.parse(readFileSync(REPORT, "utf8"));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    totals.ran += r.numTotalTests;
    rmSync(REPORT, { force: true });
  }
  return status;
}

/** A database of this run's own on DATABASE_URL's server, dropped afterwards; fails loudly when the server does not answer. */
async function withFreshDatabase(url, work) {
  const name = `mi_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (err) {
    console.error(`DATABASE_URL is set but PostgreSQL does not answer: ${err.message}`);
    return 1;
  }
  try {
    await admin.query(`create database "${name}"`);
    const fresh = new URL(url);
    fresh.pathname = `/${name}`;
    return await work(fresh.toString());
  } finally {
    await admin
      .query(`drop database if exists "${name}" with (force)`)
      .catch((err) => console.error(`could not drop ${name}: ${err.message}`));
    await admin.end();
  }
}

console.log("> tsc --noEmit");
if (run("npx", ["tsc", "--noEmit", "-p", "."]) !== 0) {
  console.log("typecheck: 0 passed, 1 failed");
  process.exit(1);
}

const args = process.argv.slice(2);
const databaseUrl = process.env.DATABASE_URL || null;
// The SQLite pass runs without DATABASE_URL, whatever the caller's environment holds.
const sqliteEnv = { ...process.env };
delete sqliteEnv.DATABASE_URL;
let status = vitest("SQLite", [...args, ...POSTGRES_ONLY.flatMap((f) => ["--exclude", f])], sqliteEnv);

if (databaseUrl) {
  const files = args.length > 0 ? args : ["test/integration"];
  const pgStatus = await withFreshDatabase(databaseUrl, (url) =>
    vitest("PostgreSQL", ["--passWithNoTests", ...files, ...SQLITE_ONLY.flatMap((f) => ["--exclude", f])], {
      ...process.env,
      DATABASE_URL: url,
    }),
  );
  status ||= pgStatus;
} else if (process.env.CI === "true") {
  console.error("\nCI=true but DATABASE_URL is not set: the PostgreSQL pass cannot be skipped in CI (.ci/run sets it).");
  status ||= 1;
} else {
  console.log(`\nPostgreSQL pass skipped: DATABASE_URL is not set (the integration suites on PostgreSQL and ${POSTGRES_ONLY.join(", ")}).`);
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (totals.ran === 0) {
  console.log("no tests ran");
  process.exit(1);
}
process.exit(status);
