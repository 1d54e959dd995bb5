import type { Worker } from "node:worker_threads";
import { ServiceError } from "../../contracts/index.js";
import { createFairTurns } from "../../interview/fair-turns.js";
import { locatedPack, PackValidationError, type LocatedPack } from "../../scenarios/index.js";
import { spawnWorker, stopWorker, workerLoaded } from "../../workers/index.js";
import type { ReadReply, ReadRequest } from "./messages.js";

const READER = new URL("./worker.ts", import.meta.url);

/** A 2 MB pack reads in 1-3 s on an idle core and 5-9 s on a loaded one; past this the read is given up. */
export const PACK_READ_TIMEOUT_MS = 30_000;
/** Packs one team may have waiting behind the one being read: the editor's validate and then its publish. */
export const PACK_READS_WAITING_PER_TEAM = 1;
/** Packs all teams together may have waiting. */
export const PACK_READS_WAITING = 8;
/** Heap for the reading thread: a pathological pack ends that thread (its caller gets an error), never the server. */
const WORKER_HEAP_MB = 512;

/** Starts a timer and returns its cancel; tests pass one they fire themselves. */
export type StartTimer = (fire: () => void, ms: number) => () => void;
const realTimer: StartTimer = (fire, ms) => {
  const t = setTimeout(fire, ms);
  t.unref();
  return () => clearTimeout(t);
};

export type PackReaderOptions = {
  timeoutMs?: number;
  perTeamWaiting?: number;
  maxWaiting?: number;
  startTimer?: StartTimer;
};

export type PackReader = {
  /**
   * Parse and validate a pack's text in the reading thread, as parsePackLocated does on the caller's thread:
   * resolves with the pack and its locator, rejects with PackValidationError listing its problems, or with
   * ServiceError PACK_READ_BUSY / PACK_READ_QUEUE_FULL (nothing queued) or PACK_READ_TIMEOUT.
   */
  read(text: string, file: string, team: string): Promise<LocatedPack>;
  /** Packs being read (0 or 1) and waiting, for tests and metrics. */
  readonly reading: number;
  readonly waiting: number;
  close(): Promise<void>;
};

/**
 * Uploaded packs are read in one worker thread, never on the server's event loop: parsing and validating a valid
 * 2 MB pack held every other request and socket ack for 5-9 s (outside red-team finding F2). One thread, because a
 * read is CPU-bound and the server's other threads (grading, the TypeScript sandbox) share the same few cores.
 * Teams take turns (server/interview/fair-turns.ts), each with at most `perTeamWaiting` packs waiting; a read that
 * takes longer than `timeoutMs` is given up and its thread replaced (terminated only once it has loaded, see
 * server/workers/stop-worker.ts).
 */
export function createPackReader(options: PackReaderOptions = {}): PackReader {
  const timeoutMs = options.timeoutMs ?? PACK_READ_TIMEOUT_MS;
  const perTeam = options.perTeamWaiting ?? PACK_READS_WAITING_PER_TEAM;
  const maxWaiting = options.maxWaiting ?? PACK_READS_WAITING;
  const startTimer = options.startTimer ?? realTimer;
  type Job = { text: string; file: string; resolve: (p: LocatedPack) => void; reject: (e: Error) => void };
  const waiting = createFairTurns<Job>(perTeam);
  let worker: Worker | null = null;
  /** Per worker: settles once it has loaded (or failed to); it is terminated only after that. */
  const loaded = new WeakMap<Worker, Promise<void>>();
  let inFlight: { id: number; job: Job; worker: Worker; cancelTimer: () => void } | null = null;
  let nextId = 1;
  let closed = false;

  const finish = (w: Worker, settle: (job: Job) => void) => {
    if (inFlight?.worker !== w) return;
    const { job, cancelTimer } = inFlight;
    inFlight = null;
    cancelTimer();
    settle(job);
    pump();
  };
  const stop = (w: Worker) => stopWorker(w, loaded.get(w) ?? Promise.resolve());
  const spawn = (): Worker => {
    const w = spawnWorker(READER, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    w.unref();
    loaded.set(w, workerLoaded(w, "pack reading thread"));
    w.on("message", (m: ReadReply | { ready: true }) => {
      if (!("id" in m) || inFlight?.id !== m.id) return;
      finish(w, (job) => {
        if (m.ok) job.resolve(locatedPack(m.read));
        else if ("issues" in m) job.reject(new PackValidationError(m.issues));
        else job.reject(new Error(`the pack reader failed: ${m.error}`));
      });
    });
    const lost = (err: Error) => {
      if (worker === w) worker = null;
      finish(w, (job) => job.reject(err));
    };
    w.on("error", (err) => lost(err));
    w.on("exit", () => lost(new Error("the pack reading thread stopped")));
    return w;
  };
  const pump = () => {
    if (inFlight || closed) return;
    const job = waiting.shift();
    if (!job) return;
    const w = (worker ??= spawn());
    const id = nextId++;
    const cancelTimer = startTimer(() => {
      // The thread is still reading: give the read up and replace the thread (the next pack gets a new one).
      if (worker === w) worker = null;
      void stop(w);
      finish(w, (j) =>
        j.reject(
          new ServiceError(
            "PACK_READ_TIMEOUT",
            `reading and checking the pack took longer than ${Math.round(timeoutMs / 1000)} s and was stopped; a pack this slow to read is too complex, or the server is overloaded (retry later)`,
          ),
        ),
      );
    }, timeoutMs);
    inFlight = { id, job, worker: w, cancelTimer };
    const request: ReadRequest = { id, text: job.text, file: job.file };
    w.postMessage(request);
  };

  return {
    read(text, file, team) {
      return new Promise<LocatedPack>((resolve, reject) => {
        if (closed) return reject(new Error("the pack reader is closed"));
        if (waiting.size >= maxWaiting)
          return reject(
            new ServiceError(
              "PACK_READ_QUEUE_FULL",
              `${maxWaiting} packs are already waiting to be read on this server; retry in a minute`,
            ),
          );
        if (!waiting.push(team, { text, file, resolve, reject }))
          return reject(
            new ServiceError(
              "PACK_READ_BUSY",
              "this team already has a pack being read and another waiting (a validation or upload); retry when one of them answers",
            ),
          );
        pump();
      });
    },
    get reading() {
      return inFlight ? 1 : 0;
    },
    get waiting() {
      return waiting.size;
    },
    async close() {
      closed = true;
      for (const job of waiting.drain()) job.reject(new Error("the pack reader is closing"));
      if (inFlight) finish(inFlight.worker, (job) => job.reject(new Error("the pack reader is closing")));
      const w = worker;
      worker = null;
      if (w) await stop(w);
    },
  };
}
