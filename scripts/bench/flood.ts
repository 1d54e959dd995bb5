// npm run bench:flood — honest candidates' draft acks while 20 clients flood the server.
// The server runs in its own process (as for bench:load, rate limits on); the flooders run in a
// worker thread of this process, so their own work does not delay the honest clients' event loop.
// Each flooder, from its own address, keeps 50 events in flight on its socket (drafts, session
// starts, unknown events), opens new connections when refused, and loops GET /api/packs.
// Prints the honest ack p50/p99 before and during the flood, as a ratio to a bare socket.io echo
// measured in the same run, and what the flood got through. Goal: honest p99 < 100 ms.
//   BENCH_FLOOD_SECONDS=30   seconds of each phase
//   BENCH_FLOOD_HONEST=10    honest candidates (each drafts every 1-2 s)
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { io, type Socket } from "socket.io-client";
import { echoRoundTrip } from "./echo.js";
import { startLoadServer } from "./load-server-process.js";
import { ms, percentile } from "./stats.js";

const FLOODERS = 20;
const IN_FLIGHT = 50;
type Ack = { ok: boolean; data?: any; error?: { code: string } };

function connect(url: string, address: string): Promise<Socket> {
  const socket = io(url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { "x-forwarded-for": address } });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => (socket.close(), reject(err)));
  });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The flood (worker thread): runs until told to stop, then reports what it sent and what came back. */
async function flood(url: string): Promise<void> {
  let stop = false;
  parentPort!.once("message", () => (stop = true));
  const counts = { events: 0, ok: 0, limited: 0, otherRefusals: 0, connections: 0, connectRefused: 0, http: 0, http429: 0 };
  const one = async (i: number) => {
    const address = `10.200.0.${i + 1}`;
    let sessionId = randomUUID();
    while (!stop) {
      let socket: Socket;
      try {
        socket = await connect(url, address);
        counts.connections++;
      } catch {
        counts.connectRefused++;
        await sleep(50);
        continue;
      }
      let limitedInARow = 0;
      const lane = async (k: number) => {
        while (!stop && socket.connected && limitedInARow < 200) {
          const pick = (counts.events + k) % 4;
          const [event, payload] =
            pick === 0
              ? ["session:start", { packId: "ai-engineer", rounds: ["system-design"], mode: "timed" }]
              : pick === 1
                ? ["nope:event", {}]
                : ["answer:draft", { sessionId, questionId: "whatever", text: "x".repeat(2000) }];
          counts.events++;
          // Short: a closed connection leaves its events unanswered, and a flooder moves on at once.
          const ack = (await socket
            .timeout(2_000)
            .emitWithAck(event, payload)
            .catch(() => null)) as Ack | null;
          if (ack?.ok) {
            counts.ok++;
            if (event === "session:start") sessionId = ack.data.sessionId;
            limitedInARow = 0;
          } else if (ack?.error?.code === "RATE_LIMITED") {
            counts.limited++;
            limitedInARow++;
          } else counts.otherRefusals++;
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, (_, k) => lane(k)));
      socket.close();
    }
  };
  const http = async (i: number) => {
    while (!stop) {
      const res = await fetch(`${url}/api/packs`, { headers: { "x-forwarded-for": `10.201.0.${i + 1}` } }).catch(() => null);
      await res?.arrayBuffer().catch(() => undefined);
      counts.http++;
      if (res?.status === 429) counts.http429++;
    }
  };
  await Promise.all([...Array.from({ length: FLOODERS }, (_, i) => one(i)), ...Array.from({ length: FLOODERS }, (_, i) => http(i))]);
  parentPort!.postMessage(counts);
}

/**
 * Honest candidates: a session each on the system-design round, then a draft every 1-2 s; returns the
 * ack times. `seated` runs once every session has started: candidates already sitting an interview are
 * who a flood must not hurt (new sessions share a server-wide start limit with the flooders).
 */
async function honest(
  url: string,
  count: number,
  seconds: number,
  phase: number,
  seated: () => Promise<void> = async () => undefined,
): Promise<{ acks: number[]; failures: number }> {
  const acks: number[] = [];
  let failures = 0;
  let until = 0;
  let started = 0;
  let allSeated: () => void = () => undefined;
  const ready = new Promise<void>((r) => (allSeated = r));
  const drafting = ready.then(seated).then(() => (until = Date.now() + seconds * 1000));
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const socket = await connect(url, `10.${100 + phase}.0.${i + 1}`);
      const asked = new Promise<string>((r) => socket.once("question:end", (q: { questionId: string }) => r(q.questionId)));
      const start = (await socket.timeout(30_000).emitWithAck("session:start", {
        packId: "ai-engineer",
        rounds: ["system-design"],
        mode: "timed",
      })) as Ack;
      if (!start.ok) throw new Error(`honest start refused: ${start.error?.code}`);
      const questionId = await asked;
      if (++started === count) allSeated();
      await drafting;
      let text = "";
      while (Date.now() < until) {
        await sleep(1000 + Math.random() * 1000);
        text += " We would evaluate the retriever on a golden set before rollout.";
        const t = performance.now();
        const ack = (await socket
          .timeout(30_000)
          .emitWithAck("answer:draft", { sessionId: start.data.sessionId, questionId, text })
          .catch(() => null)) as Ack | null;
        if (ack?.ok) acks.push(performance.now() - t);
        else failures++;
      }
      socket.close();
    }),
  );
  return { acks, failures };
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_FLOOD_SECONDS ?? 30);
  const honestCount = Number(process.env.BENCH_FLOOD_HONEST ?? 10);
  console.log(
    `Flood: ${honestCount} honest candidates, ${FLOODERS} flooders (sockets + HTTP), ${seconds} s per phase. Load average before: ${load()}`,
  );
  const echo = await echoRoundTrip();
  console.log(`Baseline: bare socket.io echo round trip median ${ms(echo.median)}, p95 ${ms(echo.p95)}`);
  const server = await startLoadServer();
  try {
    const cpu0 = server.cpuMs();
    const quiet = await honest(server.url, honestCount, seconds, 0);
    const quietCpu = server.cpuMs() - cpu0;
    let worker: Worker | null = null;
    let report: Promise<Record<string, number>> = Promise.resolve({});
    let cpu1 = 0;
    const flooded = await honest(server.url, honestCount, seconds, 1, async () => {
      worker = new Worker(new URL("./flood-worker.mjs", import.meta.url), { workerData: { url: server.url } });
      report = new Promise<Record<string, number>>((r) => worker!.once("message", r));
      await sleep(2000); // let the flood build up
      cpu1 = server.cpuMs();
    });
    const floodCpu = server.cpuMs() - cpu1;
    worker = worker as Worker | null;
    if (!worker) throw new Error("the flood never started");
    worker.postMessage("stop");
    const counts = await report;
    await worker.terminate();
    const row = (label: string, r: { acks: number[]; failures: number }) =>
      r.acks.length === 0
        ? console.log(`${label.padEnd(30)} no honest draft was acked (failed=${r.failures})`)
        : console.log(
            `${label.padEnd(30)} honest draft ack p50 ${ms(percentile(r.acks, 50)).padStart(9)}  p99 ${ms(percentile(r.acks, 99)).padStart(9)} (${(percentile(r.acks, 99) / echo.p95).toFixed(1)}× echo p95)  n=${r.acks.length}  failed=${r.failures}`,
          );
    row("without flood", quiet);
    row(`while ${FLOODERS} clients flood`, flooded);
    console.log(
      `flood: ${counts.events} socket events (${counts.ok} accepted, ${counts.limited} RATE_LIMITED, ${counts.otherRefusals} other refusals), ${counts.connections} connections (${counts.connectRefused} refused), ${counts.http} HTTP requests (${counts.http429} answered 429)`,
    );
    console.log(
      `server CPU: ${(quietCpu / 1000 / seconds).toFixed(2)} cores without the flood, ${(floodCpu / 1000 / seconds).toFixed(2)} cores during it. Load average after: ${load()}`,
    );
  } finally {
    await server.stop();
  }
}

if (isMainThread) {
  await main();
  process.exit(0);
} else {
  await flood((workerData as { url: string }).url);
}
