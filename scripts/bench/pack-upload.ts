// Event-loop delay while a team validates a 2 MB pack (outside red-team finding F2), with the pack read on the event
// loop as before session 17 and in the pack reader's worker thread. Also: how long /api/health takes meanwhile.
//   npm run bench:pack-upload     (BENCH_PACK_UPLOADS=3 validations per mode; also part of npm run bench)
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { createApp } from "../../server/app.js";
import { bigPackYaml } from "../../test/helpers/big-pack.js";
import { miniPack } from "../../test/helpers/packs.js";
import { ms, printRow, summarise } from "./stats.js";

const UPLOADS = Number(process.env.BENCH_PACK_UPLOADS ?? 3);

async function measure(mode: "event loop" | "reader thread", pack: string) {
  const app = await createApp({
    databaseFile: join(mkdtempSync(join(tmpdir(), "mi-bench-pack-")), "interview.db"),
    builtinPacks: [miniPack()],
    sandbox: null,
    rateLimits: null,
    ...(mode === "event loop" ? { packReader: null } : {}),
  });
  await new Promise<void>((r) => app.httpServer.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(app.httpServer.address() as { port: number }).port}`;
  const { token } = await app.teams.create("Bench");
  const validate = () =>
    fetch(`${url}/api/teams/bench/packs/validate`, {
      method: "POST",
      body: pack,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/yaml" },
    }).then(async (r) => {
      if (r.status !== 200 || !(await r.json()).valid) throw new Error(`validation answered ${r.status}`);
    });
  await validate(); // warm: the reading thread's start-up and the first compile of the schema are not the finding
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const health: number[] = [];
  const took: number[] = [];
  delay.enable();
  for (let i = 0; i < UPLOADS; i++) {
    let done = false;
    const started = performance.now();
    const validation = validate().finally(() => (done = true));
    // Another client's requests during the validation: each waits for the event loop like any other request.
    while (!done) {
      const t = performance.now();
      await fetch(`${url}/api/health`);
      health.push(performance.now() - t);
    }
    await validation;
    took.push(performance.now() - started);
  }
  delay.disable();
  await app.close();
  const p = (q: number) => delay.percentile(q) / 1e6;
  console.log(
    `${`${mode}: event-loop delay`.padEnd(46)} p50 ${ms(p(50)).padStart(10)}   p99 ${ms(p(99)).padStart(10)}   max ${ms(delay.max / 1e6).padStart(10)}`,
  );
  printRow(`${mode}: GET /api/health meanwhile`, summarise(health));
  printRow(`${mode}: validation of the 2 MB pack`, summarise(took));
  return p(99);
}

export async function benchPackUpload(): Promise<void> {
  const pack = bigPackYaml();
  console.log(
    `pack: ${(Buffer.byteLength(pack) / 1e6).toFixed(2)} MB, ${UPLOADS} validations per mode; load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  const before = await measure("event loop", pack);
  const after = await measure("reader thread", pack);
  console.log(`event-loop delay p99: ${ms(before)} before, ${ms(after)} after (${(before / Math.max(after, 0.001)).toFixed(0)}x)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await benchPackUpload();
