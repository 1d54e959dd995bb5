// npm run bench:load — N simulated candidates (one socket each) against one server process
// (SQLite, one process, started separately from this load generator). Each candidate thinks
// 2-4 s between actions, autosaves a draft each time, and submits once its answer is written
// (after about a minute, as a real written answer takes longer); one in ten sits the coding
// round and runs its code now and then. Prints ack p50/p99 per N and the largest N with
// p99 < 100 ms and no lost answer. Numbers depend on the machine and its load: see `uptime`.
// With DATABASE_URL and REDIS_URL set, the same sweep then runs against three instances on
// PostgreSQL + Redis (load-cluster.ts), and both knees are printed together.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import Database from "better-sqlite3";
import { io, type Socket } from "socket.io-client";
import { echoRoundTrip } from "./echo.js";
import { clusterTarget, type LoadTarget } from "./load-cluster.js";
import { cpuMeter } from "./proc-cpu.js";
import { ms, percentile } from "./stats.js";

const NS = (process.env.LOAD_NS ?? "100,500,1000,2000").split(",").map(Number);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 40);
const RAMP_PER_SECOND = Number(process.env.LOAD_RAMP ?? 250);

type Ack = { ok: boolean; data?: any; error?: { code: string; message: string } };
type Sample = { kind: "draft" | "submit" | "run"; ms: number };
type Tally = { samples: Sample[]; submitsOk: number; lost: number; refused: Map<string, number>; stages: Map<string, number> };

async function startServer(): Promise<{ child: ChildProcess; url: string; databaseFile: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/load-server.ts"], { stdio: ["ignore", "pipe", "inherit"] });
  const line = await new Promise<string>((resolve, reject) => {
    let buf = "";
    child.stdout!.on("data", (d) => {
      buf += d;
      if (buf.includes("\n")) resolve(buf.split("\n")[0]!);
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code})`)));
  });
  const { port, databaseFile } = JSON.parse(line);
  return { child, url: `http://127.0.0.1:${port}`, databaseFile };
}

/** One server process on SQLite, as `npm start` runs on a laptop. */
const sqliteTarget: LoadTarget = {
  label: "1 process, SQLite",
  async start() {
    const server = await startServer();
    const meter = cpuMeter(() => [server.child.pid!]);
    return {
      urls: [server.url],
      measureFrom: () => meter.start(),
      async stop() {
        const cores = await meter.cores();
        server.child.kill("SIGTERM");
        await new Promise((r) => server.child.once("exit", r));
        // Every acknowledged answer must be in the database.
        const db = new Database(server.databaseFile, { readonly: true });
        const stored = (db.prepare("select count(*) as n from answers where reason = 'submit'").get() as { n: number }).n;
        db.close();
        return { storedSubmits: stored, usage: `app ${cores.toFixed(2)} cores` };
      },
    };
  },
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (a: number, b: number) => a + Math.random() * (b - a);

async function candidate(url: string, index: number, until: number, tally: Tally): Promise<void> {
  const coding = index % 10 === 9;
  const socket: Socket = io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    extraHeaders: { "x-forwarded-for": `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` },
  });
  const stage = (name: string) => tally.stages.set(name, (tally.stages.get(name) ?? 0) + 1);
  await new Promise<void>((resolve, reject) => (socket.once("connect", () => resolve()), socket.once("connect_error", reject)));
  stage("connected");
  let open: { questionId: string; languages: string[]; starter: string } | null = null;
  let waiting: (() => void) | null = null;
  let complete = false;
  socket.on(
    "question:start",
    (q: any) => (open = { questionId: q.questionId, languages: q.languages, starter: q.starterCode?.typescript ?? "" }),
  );
  socket.on("question:end", () => waiting?.());
  socket.on("session:complete", () => ((complete = true), waiting?.()));
  const call = async (kind: Sample["kind"] | null, event: string, payload: unknown): Promise<Ack> => {
    const t = performance.now();
    const ack = (await socket
      .timeout(30_000)
      .emitWithAck(event, payload)
      .catch(() => ({ ok: false, error: { code: "TIMEOUT", message: "no ack in 30 s" } }))) as Ack;
    if (kind) tally.samples.push({ kind, ms: performance.now() - t });
    if (!ack.ok) tally.refused.set(`${event} ${ack.error!.code}`, (tally.refused.get(`${event} ${ack.error!.code}`) ?? 0) + 1);
    return ack;
  };
  const nextQuestion = () => new Promise<void>((r) => (waiting = r));
  try {
    let asked = nextQuestion();
    const start = await call(null, "session:start", {
      packId: "ai-engineer",
      rounds: [coding ? "coding" : "system-design"],
      mode: "timed",
    });
    if (!start.ok) return;
    stage("started");
    const sessionId = start.data.sessionId as string;
    await asked;
    stage("asked");
    let text = "";
    const writeFor = between(45_000, 90_000);
    let questionSince = Date.now();
    while (Date.now() < until && !complete && open) {
      await sleep(between(2_000, 4_000));
      if (Date.now() >= until) break;
      const q = open as { questionId: string; languages: string[]; starter: string };
      text += " We would chunk the articles, embed them and evaluate on a golden set with recall.";
      if (coding && q.languages.includes("typescript") && Math.random() < 0.25) {
        await call("run", "code:run", { sessionId, questionId: q.questionId, code: q.starter || "export {}", language: "typescript" });
        continue;
      }
      if (Date.now() - questionSince > writeFor) {
        asked = nextQuestion();
        const body = coding && q.languages.includes("typescript") ? { code: q.starter || "export {}", language: "typescript" } : { text };
        const ack = await call("submit", "answer:submit", { sessionId, questionId: q.questionId, submissionId: randomUUID(), ...body });
        if (ack.ok) tally.submitsOk++;
        else if (ack.error?.code !== "CONFLICT") tally.lost++;
        await Promise.race([asked, sleep(30_000)]);
        text = "";
        questionSince = Date.now();
        continue;
      }
      const body =
        coding && q.languages.includes("typescript") ? { code: `${q.starter}\n// ${text.length}`, language: "typescript" } : { text };
      await call("draft", "answer:draft", { sessionId, questionId: q.questionId, ...body });
    }
  } finally {
    socket.close();
  }
}

async function run(
  n: number,
  target: LoadTarget,
): Promise<{
  n: number;
  p50: number;
  p99: number;
  runP50: number | null;
  runP99: number | null;
  samples: number;
  lost: number;
  submits: number;
  refused: string;
  usage: string;
}> {
  const server = await target.start();
  await server.measureFrom();
  const tally: Tally = { samples: [], submitsOk: 0, lost: 0, refused: new Map(), stages: new Map() };
  const rampMs = (n / RAMP_PER_SECOND) * 1000;
  const until = Date.now() + rampMs + SECONDS * 1000;
  const all: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    all.push(
      candidate(server.urls[i % server.urls.length]!, i, until, tally).catch((err) => {
        const key = `failed: ${(err as Error).message}`;
        tally.refused.set(key, (tally.refused.get(key) ?? 0) + 1);
      }),
    );
    if (i % 25 === 24) await sleep((25 / RAMP_PER_SECOND) * 1000);
  }
  await Promise.all(all);
  if (process.env.LOAD_DEBUG) console.error(n, Object.fromEntries(tally.stages));
  const { storedSubmits: stored, usage } = await server.stop();
  const lost = tally.lost + Math.max(0, tally.submitsOk - stored);
  const acks = tally.samples.filter((s) => s.kind !== "run").map((s) => s.ms);
  const runs = tally.samples.filter((s) => s.kind === "run").map((s) => s.ms);
  return {
    n,
    p50: percentile(acks, 50),
    p99: percentile(acks, 99),
    runP50: runs.length ? percentile(runs, 50) : null,
    runP99: runs.length ? percentile(runs, 99) : null,
    samples: acks.length,
    lost,
    submits: tally.submitsOk,
    refused: [...tally.refused.entries()].map(([k, v]) => `${k}×${v}`).join(", ") || "none",
    usage,
  };
}

console.log(
  `Load: N candidates for ${SECONDS} s each (after a ramp of ${RAMP_PER_SECOND}/s); servers in their own processes. Load average before: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
const echo = await echoRoundTrip();
console.log(`Baseline: bare socket.io echo round trip median ${ms(echo.median)}, p95 ${ms(echo.p95)}`);

/** One sweep over NS against a target; returns the knee. */
async function sweep(target: LoadTarget): Promise<number | null> {
  console.log(`\n${target.label}\n`);
  console.log(
    "| N | acks (drafts + submits) | ack p50 | ack p99 | p99 / echo p95 | submits | lost answers | code:run p50 / p99 | CPU used | refused |",
  );
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
  let knee: number | null = null;
  for (const n of NS) {
    const r = await run(n, target);
    console.log(
      `| ${r.n} | ${r.samples} | ${ms(r.p50)} | ${ms(r.p99)} | ${(r.p99 / echo.p95).toFixed(1)}× | ${r.submits} | ${r.lost} | ${r.runP50 === null ? "-" : `${ms(r.runP50)} / ${ms(r.runP99!)}`} | ${r.usage} | ${r.refused} |`,
    );
    if (r.p99 < 100 && r.lost === 0) knee = n;
  }
  return knee;
}

const knees: [string, number | null | "not run"][] = [];
if (process.env.LOAD_TARGETS !== "cluster") knees.push([sqliteTarget.label, await sweep(sqliteTarget)]);
const cluster =
  process.env.DATABASE_URL && process.env.REDIS_URL
    ? clusterTarget({ databaseUrl: process.env.DATABASE_URL, redisUrl: process.env.REDIS_URL, instances: 3 })
    : null;
if (process.env.LOAD_TARGETS !== "sqlite") {
  if (cluster) knees.push([cluster.label, await sweep(cluster)]);
  else knees.push(["3 instances, PostgreSQL + Redis (set DATABASE_URL and REDIS_URL to run)", "not run"]);
}
console.log("\nLargest N with ack p99 < 100 ms and 0 lost answers:");
for (const [label, knee] of knees) console.log(`  ${label}: ${knee ?? "none"}`);
console.log(
  `(cores on this machine: ${availableParallelism()}; load average after: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")})`,
);
process.exit(0);
