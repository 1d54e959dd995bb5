import { randomUUID } from "node:crypto";
import { Command } from "@langchain/langgraph";
import type { Logger } from "pino";
import type {
  AnswerDraftPayload,
  AnswerSubmitPayload,
  AnswerDraftResult,
  AnswerSubmitResult,
  CodeRunPayload,
  CodeRunResult,
  RegradeOutcome,
  RegradeResult,
  Report,
  SessionStartResult,
  Snapshot,
} from "../contracts/index.js";
import { SessionStartPayloadSchema } from "../contracts/index.js";
import type { z } from "zod";
import { sessionQuestion, type PackCatalog } from "../scenarios/index.js";
import { LanguageUnavailableError, RunCancelledError, type Sandbox } from "../sandbox/index.js";
import { planOf, reportOf, type SessionRow, type Store, type StoredEvent } from "../store/index.js";
import type { InterviewGraph } from "./graph.js";
import { realClock, type Clock } from "./clock.js";
import { questionById } from "./context.js";
import { createSessionLocks } from "./locks.js";
import { buildPlan, PlanError } from "./plan.js";
import { buildChosenPlan } from "./plan-chosen.js";
import { ServiceError } from "./service-error.js";
import { buildSnapshot, wireDraft } from "./snapshot.js";
import { reportForCandidate } from "./candidate-report.js";
import type { AnswerInput, CurrentTurn, InterviewStateValue } from "./state.js";
import { createGradingWarmup } from "./grading-warmup.js";
import type { WarmGrading } from "./grading-thread/index.js";
import { createRoundEndMirror } from "./round-end-mirror.js";
import { createRoundTimers } from "./timers.js";
import { createStepRetry } from "./step-retry.js";
import { requireNoFixNeeded } from "./needs-fix.js";
import { hashToken, newResumeToken, tokenMatches } from "./tokens.js";

/** Sessions recovered at once after a start; small, so live requests interleave with recovery. */
const RECOVERY_BATCH = 8;

/** The answer a stored draft or answer row holds, as the graph's resume input carries it (blank parts left out). */
function answerFields(
  row: { text: string | null; code: string | null; language: string | null } | undefined,
): Pick<AnswerInput, "text" | "code" | "language"> {
  return {
    ...(row?.text ? { text: row.text } : {}),
    ...(row?.code ? { code: row.code } : {}),
    ...(row?.language ? { language: row.language as "python" | "typescript" } : {}),
  };
}

export type InterviewServiceDeps = {
  graph: InterviewGraph;
  store: Store;
  packs: PackCatalog;
  now: () => number;
  logger: Logger;
  /** Picks among equally suitable questions; Math.random unless a test pins it. */
  random?: () => number;
  /** Runs candidate code; without it coding questions cannot run tests. */
  sandbox?: Sandbox | null;
  /** Called once a graph step is over and its events are out (the app starts queued gradings). */
  onStepDone?: (sessionId: string) => void;
  /** Round timers' scheduler (real timers unless a test drives the clock). */
  setTimer?: Clock["setTimer"];
  /** Hears of each round closed by its deadline, and how late after it (metrics). */
  observer?: { roundTimedOut(lateMs: number): void };
  /**
   * Several instances on one database (server/cluster/): wraps every locked
   * section so only one instance works on a session at a time. It calls
   * `forget` when another instance may have changed the session since this one
   * last saw it. Absent: this process is the only one (SQLite).
   */
  sessionGuard?: (forget: (sessionId: string) => void) => SessionGuardLike;
  /** Builds a pack version's grading index where grading runs (the grading thread); on this thread when absent. */
  warmGrading?: WarmGrading;
  /** Grades again a finished session's questions its report says were not graded (regrade.ts, wired by the app). */
  regrade?: (state: InterviewStateValue, stored: Report) => Promise<RegradeOutcome & { report: Report }>;
};

/** What the service needs of a cross-instance guard: run work while holding the session. */
export type SessionGuardLike = { run<T>(sessionId: string, work: () => Promise<T>): Promise<T> };

type StartOptions = Omit<z.output<typeof SessionStartPayloadSchema>, "teamToken"> & {
  /** The team whose token came with the request, if any: it may sit its own private packs. */
  viewerTeamId?: string | undefined;
};

/**
 * Drives sessions: owns the graph's thread per session, the round timers and
 * the rules around answers (idempotent submits, drafts, ending early).
 * The socket layer calls it; it never touches sockets.
 */
export function createInterviewService(deps: InterviewServiceDeps) {
  const { graph, store, packs, now, logger } = deps;
  const local = createSessionLocks();
  const guard = deps.sessionGuard?.((sessionId) => (between.delete(sessionId), roundEnds.forget(sessionId)));
  const locks = guard
    ? {
        run: <T>(sessionId: string, work: () => Promise<T>) => local.run(sessionId, () => guard.run(sessionId, work)),
        drain: local.drain,
        busy: local.busy,
      }
    : local;
  /** Sessions with a "Run tests" in flight: one at a time each, without holding the session lock. */
  const running = new Set<string>();
  const threadOf = (sessionId: string) => ({ configurable: { thread_id: sessionId } });
  const timers = createRoundTimers({
    now,
    ...(deps.setTimer ? { setTimer: deps.setTimer } : {}),
    onExpire: (sessionId, roundId) => {
      onRoundTimeout(sessionId, roundId).catch((err) => stepRetry.schedule(sessionId, { what: "round timeout", err }));
    },
  });
  /**
   * Never leave a session stuck on a half-run step: whatever failed (a round
   * timeout, the begin after the start ack, a step cut short by the database)
   * is finished shortly, as a restart would, backing off on the injected clock.
   */
  const stepRetry = createStepRetry({
    setTimer: deps.setTimer ?? realClock.setTimer,
    logger,
    finish: (sessionId) => locks.run(sessionId, () => finishPending(sessionId)),
  });

  /** Whatever a session's last step left undone: begin it if it never ran, else run its pending step (callers hold the lock). */
  async function finishPending(sessionId: string): Promise<void> {
    return (await readState(sessionId)).values ? continuePending(sessionId) : beginNow(sessionId);
  }

  /**
   * The graph state and session row between steps, kept in memory: a draft or
   * a submit's checks would otherwise read and decode the whole checkpoint and
   * the session row every time. Only graph steps change them (all run here,
   * under the session lock), so each step drops the entry first (see
   * `invoke`) and the read after it fills it again. On SQLite this process is
   * the only one on its DATA_DIR (server/store/data-dir-lock.ts); with several
   * instances, the session guard drops the entry when another one may have
   * worked on the session.
   */
  const roundEnds = createRoundEndMirror(store.sessions, now);
  /** Set by close(): what fails from then on was cut short by the shutdown (the grading warm-up says so at debug). */
  let stopping = false;
  const warmup = createGradingWarmup(packs, logger, deps.warmGrading, () => stopping);
  /** The first follow-up of a pack version no longer builds its grading index (see grading-warmup.ts). */
  const warmGrading = (sessionId: string) =>
    requireSession(sessionId).then(
      (session) => warmup(session.pack_id, session.pack_version),
      () => undefined,
    );
  type Between = { values: InterviewStateValue | null; awaiting: CurrentTurn | null; session?: SessionRow };
  const between = new Map<string, Between>();

  async function readState(sessionId: string): Promise<Between> {
    const cached = between.get(sessionId);
    if (cached) return cached;
    const snap = await graph.getState(threadOf(sessionId));
    return remember(sessionId, snap.values as InterviewStateValue, snap.next.includes("awaitAnswer"), snap.next.length > 0);
  }

  /** `running`: the thread has a next node (it has not run to its end). */
  function remember(sessionId: string, values: InterviewStateValue | undefined, awaitingAnswer: boolean, running: boolean): Between {
    const read: Between =
      !values || !values.sessionId ? { values: null, awaiting: null } : { values, awaiting: awaitingAnswer ? values.current : null };
    // A thread that has run to its end is finished; finished sessions are read rarely (status and report
    // are the session row's): not kept.
    if (read.values && running) between.set(sessionId, read);
    return read;
  }

  /**
   * Every graph step goes through here, so the in-memory view of a session is
   * dropped before it changes. The step's result is the state it checkpointed
   * last; awaitAnswer is the graph's only interrupt, so an interrupted result
   * awaits an answer. Keeping it saves reading and decoding the checkpoint
   * again right after writing it.
   */
  async function invoke(sessionId: string, input: Parameters<InterviewGraph["invoke"]>[0]): Promise<void> {
    between.delete(sessionId);
    try {
      // One checkpoint per step, written when it stops (at the next question, or where a node threw),
      // not one per super-step: a submit passes 3-7 nodes, and each checkpoint re-serialised the whole state.
      // A process killed mid-step is picked up by `recover` from the recorded answer (see continuePending).
      const out = (await graph.invoke(input, { ...threadOf(sessionId), durability: "exit" })) as InterviewStateValue & {
        __interrupt__?: unknown[];
      };
      between.delete(sessionId);
      const { __interrupt__: interrupts, ...values } = out ?? {};
      const interrupted = (interrupts?.length ?? 0) > 0;
      remember(sessionId, values as InterviewStateValue, interrupted, interrupted);
    } catch (err) {
      between.delete(sessionId);
      stepRetry.schedule(sessionId);
      throw err;
    } finally {
      // After the caller's ack went out (acks are sent on the microtask queue; this runs after it).
      if (deps.onStepDone) setImmediate(() => deps.onStepDone!(sessionId));
    }
  }

  /**
   * After each graph step: keep the round timer and `sessions.round_ends_at` in
   * line with the checkpoint, which owns the deadline. The column is a derived
   * index, never read back here: instances sharing a database find passed
   * deadlines through it (server/cluster/leases.ts).
   */
  async function afterStep(sessionId: string): Promise<void> {
    const { values, awaiting } = await readState(sessionId);
    if (!values || !awaiting || values.roundEndsAt === null) {
      timers.disarm(sessionId);
      await roundEnds.set(sessionId, null, awaiting !== null);
      return;
    }
    const round = values.interviewPlan.rounds[values.roundIndex]!;
    timers.arm(sessionId, round.roundId, values.roundEndsAt);
    await roundEnds.set(sessionId, values.roundEndsAt, true);
  }

  /**
   * A step that failed part-way (a crash, a thrown error) leaves the thread on a
   * pending node. Run it to the next interrupt so the session never stalls.
   */
  async function continuePending(sessionId: string): Promise<void> {
    const snap = await graph.getState(threadOf(sessionId));
    // Cut short either before a node ran (it is `next`) or after a task finished whose writes were saved but
    // not yet folded into a checkpoint (nothing is `next`, the task is still listed): either way, run on.
    const cutShort = snap.next.length > 0 ? !snap.next.includes("awaitAnswer") : snap.tasks.length > 0;
    if (cutShort) {
      logger.warn({ sessionId, pending: snap.next }, "continuing an interrupted graph step");
      await invoke(sessionId, null);
    } else if (snap.next.includes("awaitAnswer")) {
      // Steps checkpoint when they stop, so a process killed during a submit's or a round timeout's step
      // leaves the thread on the question it answered: run that step now, from what was recorded before it
      // (a submit's answer is stored before its step runs and acked only after; a timeout's input is the
      // last draft, frozen once time is up), instead of leaving it to a timer or another instance's poll.
      const { values, awaiting } = remember(sessionId, snap.values as InterviewStateValue, true, true);
      const answered = awaiting ? await store.answers.submittedFor(sessionId, awaiting.turnId) : undefined;
      if (answered) {
        logger.warn({ sessionId, questionId: answered.question_id }, "finishing the step of an answer recorded before a restart");
        await invoke(sessionId, new Command({ resume: { type: "submit", turnId: answered.question_id, ...answerFields(answered) } }));
      } else if (values && awaiting && roundIsDue(values)) {
        return timeOutRound(sessionId, values, awaiting);
      }
    }
    await afterStep(sessionId);
  }

  const roundIsDue = (values: InterviewStateValue) => values.roundEndsAt !== null && values.roundEndsAt <= now();

  async function resumeGraph(sessionId: string, input: AnswerInput): Promise<void> {
    await invoke(sessionId, new Command({ resume: input }));
    await afterStep(sessionId);
  }

  async function requireSession(sessionId: string): Promise<SessionRow> {
    const cached = between.get(sessionId);
    if (cached?.session) return cached.session;
    const session = await store.sessions.get(sessionId);
    if (!session) throw new ServiceError("NOT_FOUND", `no session "${sessionId}"`);
    if (cached && session.status !== "complete") cached.session = session;
    return session;
  }

  /**
   * A submit or an end names the draft revision its tab shows (`baseRevision`): when another tab or window saved this
   * answer since, what the stale tab would hand in (its own text, or for an end the stored draft it never saw) is not
   * what the candidate last saved. Refused with DRAFT_STALE and the stored draft, as a stale autosave is; nothing is
   * recorded, the stored draft is kept, and the tab keeps its text to choose between them (finding F6).
   */
  async function requireShownRevision(
    sessionId: string,
    questionId: string,
    baseRevision: number | undefined,
    handedIn?: { text?: string | undefined; code?: string | undefined; language?: string | undefined },
  ): Promise<void> {
    if (baseRevision === undefined) return;
    const stored = await store.drafts.get(sessionId, questionId);
    const at = stored?.revision ?? 0;
    if (at === baseRevision) return;
    // The newer save holds what this tab hands in (the other tab saved the same text): nothing would be lost.
    if (
      stored &&
      handedIn &&
      stored.text === (handedIn.text ?? null) &&
      stored.code === (handedIn.code ?? null) &&
      stored.language === (handedIn.language ?? null)
    )
      return;
    throw new ServiceError(
      "DRAFT_STALE",
      stored
        ? `another tab or window saved this answer (revision ${stored.revision}) after the text this tab shows (revision ${baseRevision}); nothing was handed in: load the newer text, or save yours on it, then try again`
        : `this answer has no saved draft at revision ${baseRevision}; nothing was handed in: save on revision 0, then try again`,
      undefined,
      undefined,
      stored ? wireDraft(stored) : undefined,
    );
  }

  async function requireAwaiting(sessionId: string, questionId: string): Promise<CurrentTurn> {
    const session = await requireSession(sessionId);
    if (session.status === "complete") throw new ServiceError("SESSION_OVER", "this session has ended; open its report instead");
    const { values, awaiting } = await readState(sessionId);
    // A question its round's clock already closed is "time's up", not "wrong question" or "retry shortly":
    // the client was on time's edge while the next round opened.
    if (values && Object.values(values.transcript).some((turns) => turns.some((t) => t.turnId === questionId && t.reason === "timeout"))) {
      throw new ServiceError("ROUND_TIME_UP", `the round of question "${questionId}" timed out; its last saved draft was graded`);
    }
    if (!awaiting) throw new ServiceError("NO_OPEN_QUESTION", "no question is awaiting an answer right now");
    // Time is up even if the timer has not fired yet: the round ends with its last draft.
    if (values?.roundEndsAt != null && values.roundEndsAt <= now()) {
      const roundId = values.interviewPlan.rounds[values.roundIndex]?.roundId;
      if (roundId) setImmediate(() => timers.arm(sessionId, roundId, values.roundEndsAt!));
      throw new ServiceError("ROUND_TIME_UP", "the round's time is up; its last saved draft is being graded");
    }
    if (awaiting.turnId !== questionId) {
      throw new ServiceError(
        "NOT_OPEN_QUESTION",
        `question "${questionId}" is not the open question; the open question is "${awaiting.turnId}"`,
      );
    }
    return awaiting;
  }

  /**
   * The answer must fit the open question: code only for coding questions (in a
   * language the question offers); a written answer otherwise. Code on a text
   * question would be read as code and skip the checks prose gets.
   */
  async function requireFormat(
    sessionId: string,
    turn: CurrentTurn,
    body: { code?: string | undefined; language?: string | undefined },
  ): Promise<void> {
    const session = await requireSession(sessionId);
    const question = (await packs.get(session.pack_id, session.pack_version))?.pack.questions.find((q) => q.id === turn.baseQuestionId);
    if (!question) return;
    const offered = Object.keys(question.coding?.entrypoint ?? {});
    if (!question.coding && (body.code !== undefined || body.language !== undefined)) {
      throw new ServiceError("BAD_PAYLOAD", `question "${turn.turnId}" takes a written answer: send text, not code or language`);
    }
    if (body.language !== undefined && !offered.includes(body.language)) {
      throw new ServiceError("BAD_PAYLOAD", `question "${turn.turnId}" is offered in ${offered.join(" and ")}, not ${body.language}`);
    }
  }

  /**
   * A submit naming the draft revision its text was typed on must not throw away a newer draft another tab saved:
   * refused when the stored draft is at another revision and says something else (the same text is no loss).
   */
  /** The graph's first step, from the session row (callers hold the session lock); a no-op once the thread exists. */
  async function beginNow(sessionId: string): Promise<void> {
    const session = await requireSession(sessionId);
    const { values } = await readState(sessionId);
    if (values) return;
    await invoke(sessionId, {
      sessionId,
      packId: session.pack_id,
      packVersion: session.pack_version,
      mode: session.mode as "timed" | "practice",
      level: (session.level as "junior" | "mid" | "senior" | null) ?? null,
      interviewPlan: planOf(session),
    });
    await afterStep(sessionId);
  }

  /** The snapshot itself; callers hold the session lock so it falls between graph steps. */
  async function snapshotNow(sessionId: string): Promise<Snapshot> {
    const session = await requireSession(sessionId);
    const { values, awaiting } = await readState(sessionId);
    const draft = awaiting ? await store.drafts.get(sessionId, awaiting.turnId) : undefined;
    const record = await packs.get(session.pack_id, session.pack_version);
    return buildSnapshot({
      session,
      values,
      awaiting: awaiting !== null,
      draft,
      lastSeq: await store.events.lastSeq(sessionId),
      // Only the open question: instantiating the whole pack for every reconnect cost milliseconds.
      openQuestion: record && awaiting ? sessionQuestion(questionById(record.pack, awaiting.baseQuestionId), sessionId) : undefined,
      now: now(),
    });
  }

  /** The round's time is up: grade its last draft and move on. `roundId` absent: whichever round is open (a deadline found in the store). */
  async function onRoundTimeout(sessionId: string, roundId?: string): Promise<void> {
    await locks.run(sessionId, async () => {
      if (roundId === undefined) {
        // Found in the store: the session row owns the status. Whatever is pending is finished, which times the
        // round out if it is still due, or (another instance already moved on) brings the stored deadline in line
        // so pollers stop finding it.
        const session = await store.sessions.get(sessionId);
        if (!session || session.status === "complete") return;
        // The store's copy was found out of line: write it back even if this instance last wrote the same value.
        roundEnds.forget(sessionId);
        return continuePending(sessionId);
      }
      const { values, awaiting } = await readState(sessionId);
      if (!values || !awaiting || values.interviewPlan.rounds[values.roundIndex]?.roundId !== roundId || !roundIsDue(values)) return;
      await timeOutRound(sessionId, values, awaiting);
    });
  }

  /** Grade the round's last draft and move on (callers hold the session lock and checked the round is due). */
  async function timeOutRound(sessionId: string, values: InterviewStateValue, awaiting: CurrentTurn): Promise<void> {
    // What a real timed platform grades: the last autosaved draft.
    const draft = await store.drafts.get(sessionId, awaiting.turnId);
    const input: AnswerInput = {
      type: "timeout",
      turnId: awaiting.turnId,
      ...answerFields(draft),
    };
    if (draft?.text || draft?.code) {
      await store.answers.insertOnce({
        session_id: sessionId,
        submission_id: `timeout:${awaiting.turnId}`,
        question_id: awaiting.turnId,
        text: draft.text,
        code: draft.code,
        language: draft.language,
        reason: "timeout",
        created_at: now(),
      });
    }
    logger.info({ sessionId, roundId: values.interviewPlan.rounds[values.roundIndex]!.roundId }, "round timed out");
    // Timer, poller or recovery, this is where the deadline is acted on: how late that is.
    deps.observer?.roundTimedOut(now() - values.roundEndsAt!);
    await resumeGraph(sessionId, input);
  }

  const api = {
    /**
     * Build the grading index of every pack version named, where grading runs, in the background (the real start
     * calls it for the built-in packs once listening, so the first candidate after a restart waits for nothing).
     */
    warmGrading(versions: { packId: string; version: number }[]): void {
      for (const { packId, version } of versions) warmup(packId, version);
    },
    /** Create the session and its plan; `begin` then runs the graph (after the client has its ack). */
    async start(options: StartOptions): Promise<SessionStartResult> {
      const record = await packs.latest(options.packId);
      // Private packs are for their team's eyes; to anyone else they do not exist.
      if (!record || (record.visibility === "private" && record.teamId !== options.viewerTeamId)) {
        const known = (await packs.listPublic()).map((p) => `"${p.key}"`).join(", ");
        throw new ServiceError("NOT_FOUND", `no pack "${options.packId}"; available: ${known}`);
      }
      requireNoFixNeeded(record);
      const pack = record.pack;
      let plan;
      try {
        if (options.questionIds && record.visibility !== "public") {
          throw new ServiceError("FORBIDDEN", "questionIds can only choose questions of a public pack");
        }
        plan = options.questionIds
          ? buildChosenPlan(pack, options.questionIds)
          : buildPlan(pack, { level: options.level, rounds: options.rounds, random: deps.random ?? Math.random });
      } catch (err) {
        if (err instanceof PlanError) throw new ServiceError("BAD_PAYLOAD", err.message);
        throw err;
      }
      const sessionId = randomUUID();
      const resumeToken = newResumeToken();
      await store.sessions.insert({
        id: sessionId,
        resume_token_hash: hashToken(resumeToken),
        pack_id: record.key,
        pack_version: record.version,
        mode: options.mode,
        level: options.level ?? null,
        plan_json: JSON.stringify(plan),
        status: "active",
        created_at: now(),
      });
      logger.info({ sessionId, packId: record.key, version: record.version, mode: options.mode }, "session created");
      return { sessionId, resumeToken, plan };
    },

    /** Run the graph from the start to the first question. Safe to call again: it only starts a thread once. */
    async begin(sessionId: string): Promise<void> {
      await locks.run(sessionId, () => beginNow(sessionId));
    },

    /**
     * `begin` once the client holds its start ack (socket or invite): nobody
     * awaits it, so a failure is retried like a failed round timeout.
     */
    beginAfterAck(sessionId: string): void {
      api.begin(sessionId).then(
        () => warmGrading(sessionId),
        (err) => stepRetry.schedule(sessionId, { what: "beginning the session", err }),
      );
    },

    async authorize(sessionId: string, resumeToken: string): Promise<SessionRow> {
      const session = await requireSession(sessionId);
      if (!tokenMatches(resumeToken, session.resume_token_hash)) {
        throw new ServiceError("FORBIDDEN", "the resume token does not match this session");
      }
      return session;
    },

    /** A consistent picture between graph steps (taken under the session lock). */
    async snapshot(sessionId: string): Promise<Snapshot> {
      return locks.run(sessionId, () => snapshotNow(sessionId));
    },

    /**
     * (Re)connect a client, between graph steps: join it to the session's
     * broadcasts, take the snapshot and hand over the events after `replayAfter`,
     * all under the session lock, so no live event of a running step can slip in
     * between and make the client skip the replay.
     */
    async attach(
      sessionId: string,
      client: { join(): Promise<void> | void; deliver(events: StoredEvent[]): void; replayAfter?: number | undefined },
    ): Promise<Snapshot> {
      return locks.run(sessionId, async () => {
        await client.join();
        const snapshot = await snapshotNow(sessionId);
        if (client.replayAfter !== undefined) {
          client.deliver((await store.events.after(sessionId, client.replayAfter)).filter((e) => e.seq <= snapshot.lastSeq));
        }
        return snapshot;
      });
    },

    /**
     * Autosave. With `baseRevision`, only over the revision the text was typed on: two tabs on one session each
     * saved over the other, and the later save silently replaced the other tab's text (finding F6). A stale save is
     * DRAFT_STALE carrying the stored draft, which is kept.
     */
    async saveDraft(payload: AnswerDraftPayload): Promise<AnswerDraftResult> {
      return locks.run(payload.sessionId, async () => {
        const awaiting = await requireAwaiting(payload.sessionId, payload.questionId);
        await requireFormat(payload.sessionId, awaiting, payload);
        const savedAt = now();
        const outcome = await store.drafts.save(
          {
            session_id: payload.sessionId,
            question_id: payload.questionId,
            text: payload.text ?? null,
            code: payload.code ?? null,
            language: payload.language ?? null,
            saved_at: savedAt,
          },
          payload.baseRevision,
        );
        if (!outcome.saved) {
          const stored = outcome.current;
          throw new ServiceError(
            "DRAFT_STALE",
            !stored
              ? `this answer has no saved draft at revision ${payload.baseRevision}; save again on revision 0`
              : stored.revision < (payload.baseRevision ?? 0)
                ? // Nothing was saved since: the client's revision is ahead of every save (a bug or a replayed payload).
                  `this text names revision ${payload.baseRevision}, but the stored draft is at revision ${stored.revision}; nothing was saved here: load the stored text, or save again on its revision to replace it`
                : `another tab or window saved this answer since this text was typed (revision ${stored.revision}, this text was typed on ${payload.baseRevision}); nothing was saved here: load the newer text, or save again on it to replace it`,
            undefined,
            undefined,
            stored ? wireDraft(stored) : undefined,
          );
        }
        return { savedAt, revision: outcome.revision };
      });
    },

    /**
     * Idempotent by submissionId: a retry never becomes a second answer. With `baseRevision`, a tab that has not
     * seen the newer draft another tab saved cannot submit over it (DRAFT_STALE, as for a stale save).
     */
    async submit(payload: AnswerSubmitPayload): Promise<AnswerSubmitResult> {
      return locks.run(payload.sessionId, async () => {
        const existing = await store.answers.get(payload.sessionId, payload.submissionId);
        if (existing) {
          if (existing.question_id !== payload.questionId) {
            throw new ServiceError(
              "SUBMISSION_ID_REUSED",
              `submissionId "${payload.submissionId}" was already used for question "${existing.question_id}"; use a new id for every answer`,
            );
          }
          // Seen before. If the graph never moved past it (a crash mid-step), finish that step now.
          const { awaiting } = await readState(payload.sessionId);
          if (awaiting?.turnId === existing.question_id && existing.reason === "submit") {
            await resumeGraph(payload.sessionId, {
              type: "submit",
              turnId: existing.question_id,
              ...answerFields(existing),
            });
          } else {
            await continuePending(payload.sessionId);
          }
          return { accepted: true, duplicate: true };
        }
        const awaiting = await requireAwaiting(payload.sessionId, payload.questionId);
        await requireFormat(payload.sessionId, awaiting, payload);
        await requireShownRevision(payload.sessionId, payload.questionId, payload.baseRevision, payload);
        await store.answers.insertOnce({
          session_id: payload.sessionId,
          submission_id: payload.submissionId,
          question_id: payload.questionId,
          text: payload.text ?? null,
          code: payload.code ?? null,
          language: payload.language ?? null,
          reason: "submit",
          created_at: now(),
        });
        await resumeGraph(payload.sessionId, {
          type: "submit",
          turnId: payload.questionId,
          ...(payload.text !== undefined ? { text: payload.text } : {}),
          ...(payload.code !== undefined ? { code: payload.code } : {}),
          ...(payload.language !== undefined ? { language: payload.language } : {}),
        });
        return { accepted: true, duplicate: false };
      });
    },

    /** Run the open coding question's visible tests against the candidate's current code. */
    async runCode(
      payload: CodeRunPayload,
      onWait?: (notice: { ahead: number }) => void,
      group?: string,
      signal?: AbortSignal,
    ): Promise<CodeRunResult> {
      const awaiting = await locks.run(payload.sessionId, () => requireAwaiting(payload.sessionId, payload.questionId));
      const session = await requireSession(payload.sessionId);
      const record = await packs.get(session.pack_id, session.pack_version);
      const base = record?.pack.questions.find((q) => q.id === awaiting.baseQuestionId);
      const question = base && sessionQuestion(base, payload.sessionId);
      if (!question?.coding)
        throw new ServiceError("BAD_PAYLOAD", `question "${payload.questionId}" is not a coding question; there is nothing to run`);
      if (!question.coding.entrypoint[payload.language]) {
        throw new ServiceError(
          "BAD_PAYLOAD",
          `this question is offered in ${Object.keys(question.coding.entrypoint).join(" and ")}, not ${payload.language}`,
        );
      }
      if (!deps.sandbox) throw new ServiceError("SANDBOX_UNAVAILABLE", "code cannot run on this server (no sandbox configured)");
      if (running.has(payload.sessionId))
        throw new ServiceError("RUN_IN_PROGRESS", "a run is already in progress for this session; wait for its results");
      running.add(payload.sessionId);
      try {
        // Owned by the session, grouped by client address: runs queue round-robin between addresses, then sessions.
        return {
          report: await deps.sandbox.runTests(question, payload.language, payload.code, "visible", {
            owner: payload.sessionId,
            group,
            onWait,
            signal,
          }),
        };
      } catch (err) {
        if (err instanceof LanguageUnavailableError) throw new ServiceError("LANGUAGE_UNAVAILABLE", err.message);
        if (err instanceof RunCancelledError)
          throw new ServiceError(
            "RUN_CANCELLED",
            err.started
              ? "the run was stopped when its connection closed (nobody was left to read its results)"
              : "the run had not started when its connection closed, so it was dropped",
          );
        throw err;
      } finally {
        running.delete(payload.sessionId);
      }
    },

    /**
     * End early: the current draft is graded, everything not reached counts as unanswered. With `shown` (the open
     * question and the draft revision the ending tab shows), refused with DRAFT_STALE when another tab saved since.
     */
    async end(sessionId: string, shown?: { questionId: string; baseRevision: number }): Promise<{ ended: boolean }> {
      return locks.run(sessionId, async () => {
        const session = await requireSession(sessionId);
        if (session.status === "complete") return { ended: false };
        const { awaiting } = await readState(sessionId);
        if (!awaiting) throw new ServiceError("NO_OPEN_QUESTION", "the interview is between steps; try again in a moment");
        // The draft graded is the open question's: a tab showing another question's draft names nothing to check here.
        if (shown?.questionId === awaiting.turnId) await requireShownRevision(sessionId, awaiting.turnId, shown.baseRevision);
        const draft = await store.drafts.get(sessionId, awaiting.turnId);
        await resumeGraph(sessionId, {
          type: "end",
          turnId: awaiting.turnId,
          ...answerFields(draft),
        });
        return { ended: true };
      });
    },

    /**
     * Grade again what a finished session's report says could not be graded (a grading timeout), and save the report
     * with those questions graded; nothing else in it changes. Under the session's lock, so two regrades (or a
     * regrade and anything else) do not interleave. The report as saved and what was done.
     */
    async regrade(sessionId: string): Promise<RegradeOutcome & { report: Report; session: SessionRow }> {
      return locks.run(sessionId, async () => {
        const session = await store.sessions.get(sessionId);
        if (!session) throw new ServiceError("NOT_FOUND", `no session "${sessionId}"`);
        const stored = reportOf(session);
        if (!stored)
          throw new ServiceError("SESSION_IN_PROGRESS", "the interview is still in progress; its answers are graded when it ends");
        if (!deps.regrade) return { regraded: [], notGraded: [], report: stored, session };
        const values = (await graph.getState(threadOf(sessionId))).values as InterviewStateValue;
        const done = await deps.regrade(values, stored);
        if (!done.regraded.length) return { ...done, session };
        const json = JSON.stringify(done.report);
        await store.sessions.replaceReport(sessionId, json, now());
        return { ...done, session: { ...session, report_json: json } };
      });
    },

    /** The candidate's regrade (their resume token): what was done, and their report as they read it. */
    async regradeForCandidate(sessionId: string, resumeToken: string): Promise<RegradeResult> {
      await api.authorize(sessionId, resumeToken);
      const { session, report, ...outcome } = await api.regrade(sessionId);
      return { ...outcome, report: await reportForCandidate(packs, session, report) };
    },

    async report(sessionId: string, resumeToken: string): Promise<Report> {
      await api.authorize(sessionId, resumeToken);
      // From the store, not the in-memory view: another instance may have finished the session since.
      const session = (await store.sessions.get(sessionId))!;
      const report = reportOf(session);
      if (!report) throw new ServiceError("SESSION_IN_PROGRESS", "the interview is still in progress; the report is ready when it ends");
      // The candidate's copy: without the missing key points when the pack keeps its answer key.
      return reportForCandidate(packs, session, report);
    },

    /**
     * After a restart: finish steps a crash cut short, and re-arm round timers
     * from the checkpoints (expired ones fire at once).
     */
    async recover(options: { batchSize?: number } = {}): Promise<number> {
      const ids = await store.sessions.listActiveIds();
      const batchSize = options.batchSize ?? RECOVERY_BATCH;
      for (let i = 0; i < ids.length; i += batchSize) {
        await Promise.all(ids.slice(i, i + batchSize).map((id) => api.recoverOne(id)));
        // Between batches, let live requests in: recovery runs while the server already serves.
        await new Promise<void>((r) => setImmediate(r));
      }
      return ids.length;
    },

    /** Bring one session back: begin it if it never ran, finish a step cut short, re-arm its timer. Never throws. */
    async recoverOne(sessionId: string): Promise<void> {
      try {
        // One locked section: a session taken over from a dead instance is finished before anyone else may touch it.
        await locks.run(sessionId, () => finishPending(sessionId));
      } catch (err) {
        // One broken session must not keep the others (or the server) down.
        logger.error({ err, sessionId }, "could not recover session");
      }
    },

    /** A deadline found in the store has passed (another instance may have set it): time the round out if it is still open. */
    expireIfDue: (sessionId: string) => onRoundTimeout(sessionId),

    roundTimerFor: (sessionId: string) => timers.armed(sessionId),

    /** A step, a timeout or a recovery is running or waiting for its session here (see App.idle). */
    busy: (): boolean => locks.busy(),

    async close(): Promise<void> {
      stopping = true;
      timers.clear();
      stepRetry.close();
      between.clear();
      roundEnds.clear();
      await locks.drain();
    },
  };
  return api;
}

export type InterviewService = ReturnType<typeof createInterviewService>;
