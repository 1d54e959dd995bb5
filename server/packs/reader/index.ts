import { ServiceError, type DraftQuestionResult, type SuggestTermsBody, type TermSuggestions } from "../../contracts/index.js";
import { locatedPack, locatedReadable, PackValidationError, type LocatedPack } from "../../scenarios/index.js";
import { createOneWorkerQueue, CPU_BOUND_WALL_FACTOR, type StartTimer } from "../../workers/index.js";
import type { DraftPlacement } from "../../teams/authoring/place-draft.js";
import type { ReadReply, ReadTask } from "./messages.js";

const READER = new URL("./worker.ts", import.meta.url);

/**
 * A 2 MB pack reads in 1-3 s of CPU; a read whose thread has spent this much CPU time on it is given up (the pack is too
 * complex). CPU time, not wall time (server/workers/one-worker-queue.ts): a 1.5 MB pack (1.2 s of CPU) took 18 s of
 * wall time at load 39, and a draft placed in it (two reads) passed a 30 s wall bound at load 20.
 */
export const PACK_READ_TIMEOUT_MS = 30_000;
/** Packs one team may have waiting behind the one being read: the editor's validate and then its publish. */
export const PACK_READS_WAITING_PER_TEAM = 1;
/** Packs all teams together may have waiting. */
export const PACK_READS_WAITING = 8;
/** Heap for the reading thread: a pathological pack ends that thread (its caller gets an error), never the server. */
const WORKER_HEAP_MB = 512;

export type PackReaderOptions = {
  timeoutMs?: number;
  perTeamWaiting?: number;
  maxWaiting?: number;
  startTimer?: StartTimer;
  /** Tests: the reading thread's CPU clock (server/workers/thread-cpu.ts when absent). */
  threadCpuMs?: () => number | null;
};

export type PackReader = {
  /**
   * Parse and validate a pack's text in the reading thread, as parsePackLocated does on the caller's thread:
   * resolves with the pack and its locator, rejects with PackValidationError listing its problems, or with
   * ServiceError PACK_READ_BUSY / PACK_READ_QUEUE_FULL (nothing queued) or PACK_READ_TIMEOUT; or RUN_CANCELLED once
   * `signal` aborts (the request's connection closed: the read is dropped, or its thread replaced if it had started).
   */
  read(text: string, file: string, team: string, signal?: AbortSignal): Promise<LocatedPack>;
  /**
   * Place a model-drafted question in the editor's pack (server/teams/authoring/place-draft.ts) in the reading thread:
   * reading the editor's pack and checking the result are a pack read each. Takes the team's turn as a read does, with
   * the same refusals and time bound.
   */
  placeDraft(placement: DraftPlacement, team: string): Promise<DraftQuestionResult>;
  /**
   * Suggest evidence terms from a question's exemplars (server/teams/authoring/suggest-terms.ts) in the reading thread:
   * its largest accepted body costs a few hundred ms of a core. Takes the team's turn as a read does, with the same
   * refusals and time bound.
   */
  suggestTerms(body: SuggestTermsBody, team: string): Promise<TermSuggestions>;
  /** Packs being read (0 or 1) and waiting, for tests and metrics. */
  readonly reading: number;
  readonly waiting: number;
  close(): Promise<void>;
};

/**
 * Uploaded packs are read in one worker thread, never on the server's event loop: parsing and validating a valid
 * 2 MB pack held every other request and socket ack for 5-9 s (outside red-team finding F2). One thread, because a
 * read is CPU-bound and the server's other threads (grading, the TypeScript sandbox) share the same few cores.
 * Teams take turns (server/workers/one-worker-queue.ts), each with at most `perTeamWaiting` packs waiting; a read
 * whose thread spends more than `timeoutMs` of CPU time on it is given up and its thread replaced. A drafted question is placed in the
 * editor's pack here too (`placeDraft`): that reads the pack as well; and evidence terms are suggested here (`suggestTerms`),
 * so an editor's large suggestion bodies sent back to back keep this thread busy, not the event loop (session 18
 * red-team F1).
 */
export function createPackReader(options: PackReaderOptions = {}): PackReader {
  const timeoutMs = options.timeoutMs ?? PACK_READ_TIMEOUT_MS;
  const maxWaiting = options.maxWaiting ?? PACK_READS_WAITING;
  const queue = createOneWorkerQueue<ReadTask>({
    worker: READER,
    name: "pack reading thread",
    workerOptions: { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } },
    perOwnerWaiting: options.perTeamWaiting ?? PACK_READS_WAITING_PER_TEAM,
    maxWaiting: {
      count: maxWaiting,
      queueFull: () =>
        new ServiceError("PACK_READ_QUEUE_FULL", `${maxWaiting} packs are already waiting to be read on this server; retry in a minute`),
    },
    ownerFull: () =>
      new ServiceError(
        "PACK_READ_BUSY",
        "this team already has a pack being read and another waiting (a validation, an upload, a drafted question or term suggestions); retry when one of them answers",
      ),
    message: (task) => task,
    result(reply) {
      const m = reply as ReadReply;
      if (m.ok) return "placed" in m ? m.placed : "suggested" in m ? m.suggested : locatedPack(m.read);
      if ("issues" in m) throw new PackValidationError(m.issues, m.readable && { located: locatedReadable(m.readable) });
      throw new Error(`the pack reader failed: ${m.error}`);
    },
    timeout: {
      ms: timeoutMs,
      startTimer: options.startTimer,
      threadCpuMs: options.threadCpuMs,
      error: () =>
        new ServiceError(
          "PACK_READ_TIMEOUT",
          `reading and checking the pack took more than ${Math.round(timeoutMs / 1000)} s of processor time and was stopped; a pack this slow to read is too complex (or the server was too overloaded to read it within ${Math.round((timeoutMs * CPU_BOUND_WALL_FACTOR) / 60_000)} minutes)`,
        ),
    },
    stopped: "the pack reading thread stopped",
    closing: "the pack reader is closing",
    closed: "the pack reader is closed",
    cancelled: () => new ServiceError("RUN_CANCELLED", "the pack was not read: the request's connection closed"),
  });
  return {
    read: (text, file, team, signal) => queue.run<LocatedPack>({ read: { text, file } }, team, undefined, signal),
    placeDraft: (placement, team) => queue.run<DraftQuestionResult>({ place: placement }, team),
    suggestTerms: (body, team) => queue.run<TermSuggestions>({ suggest: body }, team),
    get reading() {
      return queue.inProgress;
    },
    get waiting() {
      return queue.waiting;
    },
    close: () => queue.close(),
  };
}
