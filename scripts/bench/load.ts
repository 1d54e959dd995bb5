// npm run bench:load — N simulated candidates (one socket each) against one server process
// (SQLite, one process, started separately from this load generator). Each candidate thinks
// 2-4 s between actions and autosaves a draft each time, submits once its answer is written
// (after 20-40 s, so every candidate submits during a step), gets the follow-up or the next
// question and goes on; one in ten sits the coding round and runs its code now and then.
// Prints, per N, the ack p50/p99 of drafts and submits in the steady state (once all N are in
// their sessions), the submit → next question time, code:run times, the CPU the server and this
// generator used, and the largest N with ack p99 < 100 ms and no lost answer.
// Numbers depend on the machine and its load: the load average is printed beside them.
//
//   BENCH_LOAD_NS=100,500,1000,2000   the Ns to run (LOAD_NS also works)
//   BENCH_LOAD_SECONDS=60             measured seconds per N, after the ramp (LOAD_SECONDS also works)
//   BENCH_LOAD_RAMP=25                candidates joining per second (LOAD_RAMP also works; the server
//                                     starts at most 30 sessions a second, RATE_STARTS_GLOBAL_10S)
// Defaults finish in about 8 minutes (the ramps take 144 s, the windows 4 minutes).
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { io, type Socket } from "socket.io-client";
import { echoRoundTrip } from "./echo.js";
import { clusterTarget } from "./load-cluster.js";
import { startLoadServer } from "./load-server-process.js";
import { ms, percentile } from "./stats.js";

const env = (name: string, fallback: string) => process.env[`BENCH_${name}`] ?? process.env[name] ?? fallback;

export type LoadOptions = {
  /** Seconds measured once every candidate is in a session. */
  seconds: number;
  /** Candidates joining per second. */
  rampPerSecond: number;
};

type Ack = { ok: boolean; data?: any; error?: { code: string; message: string } };
type Kind = "draft" | "submit" | "run" | "start" | "next";
type Tally = {
  /** Samples by kind; only those taken inside the measured window. */
  samples: Record<Kind, number[]>;
  submitsAcked: number;
  /** Submits refused for a reason other than "that question is no longer open". */
  submitsRefused: number;
  noAck: number;
  /** Candidates that never got into a session (could not connect, or their start was refused). */
  failed: number;
  refused: Map<string, number>;
  measuring: boolean;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (a: number, b: number) => a + Math.random() * (b - a);
const ANSWER = " We would chunk the articles, embed them and evaluate on a golden set with recall at five.";

/** One candidate: connect, start a session, then draft, submit and run code until `until`. */
async function candidate(url: string, index: number, until: number, tally: Tally): Promise<void> {
  const coding = index % 10 === 9;
  const socket: Socket = io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    // Each candidate from its own address, as behind a proxy (the server trusts X-Forwarded-For here).
    extraHeaders: { "x-forwarded-for": `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` },
  });
  const sample = (kind: Kind, t: number) => {
    if (tally.measuring) tally.samples[kind].push(performance.now() - t);
  };
  const call = async (event: string, payload: unknown): Promise<Ack> => {
    const ack = (await socket
      .timeout(30_000)
      .emitWithAck(event, payload)
      .catch(() => null)) as Ack | null;
    if (!ack) {
      tally.noAck++;
      return { ok: false, error: { code: "NO_ACK", message: "no ack in 30 s" } };
    }
    if (!ack.ok) tally.refused.set(`${event} ${ack.error!.code}`, (tally.refused.get(`${event} ${ack.error!.code}`) ?? 0) + 1);
    return ack;
  };
  type Open = { questionId: string; languages: string[]; starter: string };
  let open: Open | null = null;
  let onQuestion: (() => void) | null = null;
  let complete = false;
  socket.on("question:start", (q: any) => {
    open = { questionId: q.questionId, languages: q.languages, starter: q.starterCode?.typescript ?? "" };
    onQuestion?.();
  });
  socket.on("session:complete", () => ((complete = true), onQuestion?.()));
  const nextQuestion = () => new Promise<void>((r) => (onQuestion = r));
  await new Promise<void>((resolve, reject) => (socket.once("connect", () => resolve()), socket.once("connect_error", reject)));
  try {
    let asked = nextQuestion();
    let t = performance.now();
    const start = await call("session:start", {
      packId: "ai-engineer",
      rounds: coding ? ["coding"] : ["system-design", "behavioural", "prompt-debugging"],
      mode: "timed",
    });
    sample("start", t);
    if (!start.ok) {
      tally.failed++;
      return;
    }
    const sessionId = start.data.sessionId as string;
    await Promise.race([asked, sleep(30_000)]);
    while (Date.now() < until && !complete && open) {
      const q: Open = open;
      const typescript = coding && q.languages.includes("typescript");
      const writeFor = between(20_000, 40_000);
      const since = Date.now();
      let text = "";
      while (Date.now() < until && Date.now() - since < writeFor) {
        await sleep(between(2_000, 4_000));
        if (Date.now() >= until) return;
        text += ANSWER;
        if (typescript && Math.random() < 0.25) {
          t = performance.now();
          await call("code:run", { sessionId, questionId: q.questionId, code: q.starter || "export {}", language: "typescript" });
          sample("run", t);
          continue;
        }
        t = performance.now();
        await call(
          "answer:draft",
          typescript
            ? { sessionId, questionId: q.questionId, code: `${q.starter}\n// ${text.length}`, language: "typescript" }
            : { sessionId, questionId: q.questionId, text },
        );
        sample("draft", t);
      }
      if (Date.now() >= until) return;
      asked = nextQuestion();
      const body = typescript ? { code: q.starter || "export {}", language: "typescript" } : { text };
      t = performance.now();
      const ack = await call("answer:submit", { sessionId, questionId: q.questionId, submissionId: randomUUID(), ...body });
      sample("submit", t);
      if (ack.ok) tally.submitsAcked++;
      // The question moved on (its round timed out meanwhile): refused, not lost.
      else if (!["NO_OPEN_QUESTION", "NOT_OPEN_QUESTION", "ROUND_TIME_UP"].includes(ack.error?.code ?? "")) tally.submitsRefused++;
      await Promise.race([asked, sleep(30_000)]);
      sample("next", t);
    }
  } finally {
    socket.close();
  }
}

export type LoadResult = {
  n: number;
  /** Drafts and submits in the measured window. */
  acks: number;
  p50: number;
  p99: number;
  submitP50: number | null;
  nextP50: number | null;
  nextP99: number | null;
  runP50: number | null;
  runP99: number | null;
  startP99: number | null;
  submits: number;
  lost: number;
  noAck: number;
  failed: number;
  refused: string;
  /** CPU used during the measured window, in cores (1 = one core busy all the time). */
  serverCores: number;
  generatorCores: number;
};

/** Drive N candidates against the server at `url`; `storedSubmits` counts the answers the server kept (read after it stops). */
export async function simulateCandidates(
  /** Candidate i connects to urls[i % urls.length] (several instances behind no balancer). */
  url: string | string[],
  n: number,
  options: LoadOptions,
  probe: { serverCpuMs?: () => number; onMeasure?: () => Promise<void> } = {},
): Promise<Omit<LoadResult, "lost"> & { submitsAcked: number }> {
  const tally: Tally = {
    samples: { draft: [], submit: [], run: [], start: [], next: [] },
    submitsAcked: 0,
    submitsRefused: 0,
    noAck: 0,
    failed: 0,
    refused: new Map(),
    measuring: false,
  };
  const rampMs = (n / options.rampPerSecond) * 1000;
  // Everyone is in a session a few seconds after the last one joined; measure from then on.
  const measureFrom = Date.now() + rampMs + 5_000;
  const until = measureFrom + options.seconds * 1000;
  const all: Promise<void>[] = [];
  const window = (async () => {
    await sleep(measureFrom - Date.now());
    tally.measuring = true;
    await probe.onMeasure?.();
    const cpu0 = process.cpuUsage();
    const server0 = probe.serverCpuMs?.() ?? 0;
    await sleep(until - Date.now());
    tally.measuring = false;
    const cpu = process.cpuUsage(cpu0);
    return {
      generatorCores: (cpu.user + cpu.system) / 1000 / (options.seconds * 1000),
      serverCores: ((probe.serverCpuMs?.() ?? 0) - server0) / (options.seconds * 1000),
    };
  })();
  // Starts go out during the ramp; their acks are timed there too.
  tally.measuring = true;
  for (let i = 0; i < n; i++) {
    all.push(
      candidate(typeof url === "string" ? url : url[i % url.length]!, i, until, tally).catch((err) => {
        tally.failed++;
        const key = `failed: ${(err as Error).message}`;
        tally.refused.set(key, (tally.refused.get(key) ?? 0) + 1);
      }),
    );
    if (i % 10 === 9) await sleep((10 / options.rampPerSecond) * 1000);
  }
  const starts = tally.samples.start;
  tally.samples = { draft: [], submit: [], run: [], start: starts, next: [] };
  tally.measuring = false;
  const cpu = await window;
  await Promise.all(all);
  const acks = [...tally.samples.draft, ...tally.samples.submit];
  const p = (xs: number[], q: number) => (xs.length ? percentile(xs, q) : null);
  return {
    n,
    acks: acks.length,
    p50: p(acks, 50) ?? NaN,
    p99: p(acks, 99) ?? NaN,
    submitP50: p(tally.samples.submit, 50),
    nextP50: p(tally.samples.next, 50),
    nextP99: p(tally.samples.next, 99),
    runP50: p(tally.samples.run, 50),
    runP99: p(tally.samples.run, 99),
    startP99: p(starts, 99),
    submits: tally.samples.submit.length,
    submitsAcked: tally.submitsAcked,
    noAck: tally.noAck,
    failed: tally.failed,
    refused: [...tally.refused.entries()].map(([k, v]) => `${k}×${v}`).join(", ") || "none",
    ...cpu,
  };
}

async function runOne(n: number, options: LoadOptions): Promise<LoadResult> {
  const server = await startLoadServer();
  const result = await simulateCandidates(server.url, n, options, { serverCpuMs: () => server.cpuMs() });
  await server.stop();
  // Every acknowledged answer must be in the database.
  const db = new Database(server.databaseFile, { readonly: true });
  const stored = (db.prepare("select count(*) as n from answers where reason = 'submit'").get() as { n: number }).n;
  db.close();
  const { submitsAcked, ...rest } = result;
  return { ...rest, lost: Math.max(0, submitsAcked - stored) };
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");
const opt = (x: number | null) => (x === null ? "-" : ms(x));

async function main(): Promise<void> {
  const ns = env("LOAD_NS", "100,500,1000,2000").split(",").map(Number);
  const options: LoadOptions = { seconds: Number(env("LOAD_SECONDS", "60")), rampPerSecond: Number(env("LOAD_RAMP", "25")) };
  console.log(
    `Load: N candidates joining at ${options.rampPerSecond}/s, measured for ${options.seconds} s once all are in a session; server in its own process (SQLite). Load average before: ${load()} (${process.env.BENCH_LOAD_NOTE ?? "2 cores"})`,
  );
  const echo = await echoRoundTrip();
  console.log(`Baseline: bare socket.io echo round trip median ${ms(echo.median)}, p95 ${ms(echo.p95)}\n`);
  console.log(
    "| N | acks (drafts + submits) | ack p50 | ack p99 | p99 / echo p95 | submits | submit → next question p50 / p99 | code:run p50 / p99 | session:start p99 (ramp) | lost answers | no ack | candidates failed | server CPU | generator CPU | load avg | refused |",
  );
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
  let knee: number | null = null;
  for (const n of ns) {
    const r = await runOne(n, options);
    console.log(
      `| ${r.n} | ${r.acks} | ${ms(r.p50)} | ${ms(r.p99)} | ${(r.p99 / echo.p95).toFixed(1)}× | ${r.submits} | ${opt(r.nextP50)} / ${opt(r.nextP99)} | ${opt(r.runP50)} / ${opt(r.runP99)} | ${opt(r.startP99)} | ${r.lost} | ${r.noAck} | ${r.failed} | ${r.serverCores.toFixed(2)} cores | ${r.generatorCores.toFixed(2)} cores | ${load()} | ${r.refused} |`,
    );
    if (r.p99 < 100 && r.lost === 0 && r.noAck === 0 && r.failed === 0) knee = n;
  }
  console.log(
    `\nLargest N with ack p99 < 100 ms, 0 lost answers and every candidate served: ${knee ?? "none"} (load average after: ${load()})`,
  );
  if (process.env.DATABASE_URL && process.env.REDIS_URL) {
    const instances = Number(env("LOAD_INSTANCES", "3"));
    const target = clusterTarget({ databaseUrl: process.env.DATABASE_URL, redisUrl: process.env.REDIS_URL, instances });
    console.log(`\n${target.label} (candidates spread round-robin over the instances; CPU per part from /proc)\n`);
    console.log(
      "| N | acks | ack p50 | ack p99 | submits | submit → next question p50 / p99 | lost answers | no ack | candidates failed | CPU | load avg |",
    );
    console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
    let clusterKnee: number | null = null;
    for (const n of ns) {
      const running = await target.start();
      const r = await simulateCandidates(running.urls, n, options, { onMeasure: () => running.measureFrom() });
      const { storedSubmits, usage } = await running.stop();
      const lost = Math.max(0, r.submitsAcked - storedSubmits);
      console.log(
        `| ${n} | ${r.acks} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.submits} | ${opt(r.nextP50)} / ${opt(r.nextP99)} | ${lost} | ${r.noAck} | ${r.failed} | ${usage} | ${load()} |`,
      );
      if (r.p99 < 100 && lost === 0 && r.noAck === 0 && r.failed === 0) clusterKnee = n;
    }
    console.log(
      `\nKnee, 1 process on SQLite: ${knee ?? "none"}; ${target.label}: ${clusterKnee ?? "none"} (load average after: ${load()})`,
    );
  } else {
    console.log("\nCluster sweep skipped: set DATABASE_URL and REDIS_URL to also run 3 instances on PostgreSQL + Redis.");
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main();
  process.exit(0);
}
