// Another candidate's acks while one client floods: (1) 20 KB drafts in a tight loop from one client
// (reconnecting whenever the server closes it), (2) code:run of looping code from many sessions on one address
// (each turn runs to its CPU budget, 4-10 s). The observer, from another address, saves a draft and runs its code
// (the reference solution, Python) over and over; its ack latencies are reported quiet, during each flood.
//   npx tsx scripts/bench/flood-acks.ts     (BENCH_FLOOD_SECONDS=20, BENCH_LOOPING_SESSIONS=12)
import { spawn } from "node:child_process";
import { mkdtempSync, writeSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { io, type Socket } from "socket.io-client";
import { createApp } from "../../server/app.js";
import { DEFAULT_LIMITS } from "../../server/sandbox/index.js";
import { miniPack } from "../../test/helpers/packs.js";
import { printRow, summarise } from "./stats.js";

const SECONDS = Number(process.env.BENCH_FLOOD_SECONDS ?? 20);
const LOOPING = Number(process.env.BENCH_LOOPING_SESSIONS ?? 12);
const LOOP_CODE = "def call_with_retry(send):\n    while True:\n        pass\n";

type Ack = { ok: boolean; data?: any; error?: { code: string } };
type Sitting = { socket: Socket; sessionId: string; questionId: string; call(e: string, p: unknown): Promise<Ack> };

async function sit(url: string, address: string): Promise<Sitting> {
  const socket = io(url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { "x-forwarded-for": address } });
  const call = async (e: string, p: unknown) => (await socket.timeout(60_000).emitWithAck(e, p)) as Ack;
  const asked = new Promise<string>((r) => socket.once("question:end", (q: { questionId: string }) => r(q.questionId)));
  const started = await call("session:start", { packId: "mini", rounds: ["code"] });
  if (!started.ok) throw new Error(`start refused: ${JSON.stringify(started.error)}`);
  return { socket, sessionId: started.data.sessionId, questionId: await asked, call };
}

/** The observer's draft and code:run acks for `ms`. */
async function observe(o: Sitting, ms: number, reference: string): Promise<{ drafts: number[]; runs: number[]; refused: string[] }> {
  const out = { drafts: [] as number[], runs: [] as number[], refused: [] as string[] };
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // A timed-out ack counts as its timeout (and is named), so a stalled server shows in the figures.
    const timed = async (what: string, event: string, samples: number[]) => {
      const t = performance.now();
      const payload = { sessionId: o.sessionId, questionId: o.questionId, code: reference, language: "python" };
      const ack = await o.call(event, payload).catch(() => ({ ok: false, error: { code: "TIMED_OUT" } }) as Ack);
      samples.push(performance.now() - t);
      if (!ack.ok) out.refused.push(`${what} ${ack.error?.code}`);
    };
    await timed("draft", "answer:draft", out.drafts);
    await timed("run", "code:run", out.runs);
    await new Promise((res) => setTimeout(res, 500));
  }
  return out;
}

/** One client sending 20 KB drafts with 20 in flight, reconnecting when closed; returns a stop function and counts. */
function draftFlood(url: string, target: { sessionId: string; questionId: string }) {
  let stopped = false;
  const counts = { sent: 0, reconnects: 0 };
  const text = "x".repeat(20_000);
  let socket: Socket | null = null;
  void (async () => {
    while (!stopped) {
      const s = io(url, {
        transports: ["websocket"],
        forceNew: true,
        reconnection: false,
        extraHeaders: { "x-forwarded-for": "10.7.0.1" },
      });
      socket = s;
      const ok = await new Promise<boolean>((r) => (s.once("connect", () => r(true)), s.once("connect_error", () => r(false))));
      if (ok) {
        // Its own session, so its drafts are valid ones (the costliest kind to answer).
        const asked = new Promise<string>((r) => s.once("question:end", (q: { questionId: string }) => r(q.questionId)));
        const st = (await s
          .timeout(10_000)
          .emitWithAck("session:start", { packId: "mini", rounds: ["story"] })
          .catch(() => null)) as Ack | null;
        const own = st?.ok ? { sessionId: st.data.sessionId as string, questionId: await asked } : target;
        const lane = async () => {
          while (!stopped && s.connected) {
            counts.sent++;
            await s
              .timeout(10_000)
              .emitWithAck("answer:draft", { ...own, text })
              .catch(() => null);
          }
        };
        await Promise.all(Array.from({ length: 20 }, lane));
      }
      s.close();
      counts.reconnects++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    counts,
    stop: () => {
      stopped = true;
      socket?.close();
    },
  };
}

/** `n` sessions from one address, each running looping code again as soon as its last run ends. */
async function runFlood(url: string, n: number) {
  let stopped = false;
  const counts = { runs: 0 };
  const sittings: Sitting[] = [];
  for (let i = 0; i < n; i++) sittings.push(await sit(url, "10.8.0.1"));
  for (const s of sittings)
    void (async () => {
      while (!stopped) {
        counts.runs++;
        await s
          .call("code:run", { sessionId: s.sessionId, questionId: s.questionId, code: LOOP_CODE, language: "python" })
          .catch(() => null);
      }
    })();
  return {
    counts,
    stop: () => {
      stopped = true;
      sittings.forEach((s) => s.socket.close());
    },
  };
}

const row = (label: string, o: { drafts: number[]; runs: number[]; refused: string[] }) => {
  printRow(`${label}: draft ack`, summarise(o.drafts), o.refused.length ? `refused: ${o.refused.join(", ")}` : "");
  printRow(`${label}: code:run ack`, summarise(o.runs));
};

/** The draft flooder in a process of its own: in the server's process its 20 lanes held the observer's own timers. */
function draftFloodProcess(url: string) {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url)], {
    env: { ...process.env, FLOOD_ACKS_ROLE: "drafts", FLOOD_ACKS_URL: url },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return { stop: () => child.kill("SIGTERM") };
}

if (process.env.FLOOD_ACKS_ROLE === "drafts") {
  const flood = draftFlood(process.env.FLOOD_ACKS_URL!, { sessionId: "none", questionId: "none" });
  process.on("SIGTERM", () => {
    flood.stop();
    // Written at once: the process exits next.
    writeSync(1, `  (flood sent ${flood.counts.sent} drafts over ${flood.counts.reconnects} connections)\n`);
    process.exit(0);
  });
} else {
  const app = await createApp({
    databaseFile: join(mkdtempSync(join(tmpdir(), "mi-bench-")), "bench.db"),
    builtinPacks: [miniPack()],
    sandbox: { limits: DEFAULT_LIMITS, pythonPool: 2, typescriptWorkers: 4 },
    model: null,
    trustProxy: true,
  });
  await app.startRecovery();
  await new Promise<void>((r) => app.httpServer.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  const reference = miniPack().questions.find((q) => q.id === "retry")!.coding!.referenceSolution.python!;
  const observer = await sit(url, "10.1.0.1");
  await observe(observer, 3_000, reference); // warm
  console.log(
    `load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  row("quiet", await observe(observer, SECONDS * 1000, reference));
  const drafts = draftFloodProcess(url);
  await new Promise((r) => setTimeout(r, 2_000));
  row("one client flooding 20 KB drafts", await observe(observer, SECONDS * 1000, reference));
  drafts.stop();
  await new Promise((r) => setTimeout(r, 500)); // its count is printed
  await new Promise((r) => setTimeout(r, 10_000)); // the byte and event windows pass
  const runs = await runFlood(url, LOOPING);
  await new Promise((r) => setTimeout(r, 3_000));
  row(`${LOOPING} sessions on one address looping code:run`, await observe(observer, SECONDS * 1000, reference));
  runs.stop();
  console.log(`  (flood ran ${runs.counts.runs} looping runs)`);
  console.log(
    `load average at end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  observer.socket.close();
  await app.close();
  process.exit(0);
}
