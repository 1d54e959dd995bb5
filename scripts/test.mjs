// The README's test command: type-check, run every vitest suite, and end with a
// plain "N passed, N failed, N skipped" line that CI tooling can read.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

// One report file per run: two `npm test` side by side must not read or delete each other's.
const REPORT = `.vitest-report-${process.pid}.json`;
const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit" }).status ?? 1;

console.log("> tsc --noEmit");
if (run("npx", ["tsc", "--noEmit", "-p", "."]) !== 0) {
  console.log("typecheck: 0 passed, 1 failed");
  process.exit(1);
}
rmSync(REPORT, { force: true });
const status = run("npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${REPORT}`,
  ...process.argv.slice(2),
]);
if (existsSync(REPORT)) {
  const r = JSON.parse(readFileSync(REPORT, "utf8"));
  rmSync(REPORT, { force: true });
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  if (r.numTotalTests === 0) {
    console.log("no tests ran");
    process.exit(1);
  }
}
process.exit(status);
