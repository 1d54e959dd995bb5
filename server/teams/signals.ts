import {
  MAX_SIGNALS_PER_SESSION,
  PlanSchema,
  SIGNALS_DISCLOSURE,
  type SessionSignals,
  type SignalBatchBody,
  type SignalRecord,
  type SignalSummary,
} from "../contracts/index.js";
import { ServiceError } from "../contracts/index.js";
import type { InterviewService } from "../interview/index.js";
import type { SignalRow, Store } from "../store/index.js";

/** A burst at or above this rate is counted as fast (steady typists rarely pass 8 characters a second). */
export const FAST_CHARS_PER_SECOND = 12;
/** How long after a session completes its room may still deliver the signals it had queued. */
export const LATE_SIGNALS_MS = 120_000;

export const signalView = (row: SignalRow): SignalRecord => ({
  seq: row.seq,
  kind: row.kind as SignalRecord["kind"],
  questionId: row.question_id,
  chars: row.chars,
  ms: row.duration_ms,
  at: row.created_at,
});

/** Counts and sizes, never a verdict. */
export function summariseSignals(rows: Pick<SignalRow, "kind" | "chars" | "duration_ms">[]): SignalSummary {
  const pastes = rows.filter((r) => r.kind === "paste");
  const away = rows.filter((r) => r.kind === "away");
  const rates = rows.filter((r) => r.kind === "burst" && r.chars && r.duration_ms).map((r) => (r.chars! * 1000) / r.duration_ms!);
  const fast = rates.filter((r) => r >= FAST_CHARS_PER_SECOND);
  return {
    pastes: pastes.length,
    pastedChars: pastes.reduce((n, r) => n + (r.chars ?? 0), 0),
    largestPaste: pastes.reduce((n, r) => Math.max(n, r.chars ?? 0), 0),
    awayCount: away.length,
    awayMs: away.reduce((n, r) => n + (r.duration_ms ?? 0), 0),
    bursts: fast.length,
    fastestCharsPerSecond: rates.length ? Math.round(Math.max(...rates) * 10) / 10 : null,
  };
}

/**
 * Integrity signals are recorded only for invited sessions, whose candidate was
 * told on the invite page what is recorded and that the team sees it.
 */
export function createSignals(deps: { store: Store; service: InterviewService; now: () => number }) {
  const { store, service, now } = deps;
  const recording = async (sessionId: string) => Boolean((await store.sessions.get(sessionId))?.invite_id);
  return {
    async record(sessionId: string, resumeToken: string, body: SignalBatchBody): Promise<{ recorded: number }> {
      const session = await service.authorize(sessionId, resumeToken);
      if (!session.invite_id) throw new ServiceError("SIGNALS_NOT_RECORDED", "integrity signals are recorded only for invited sessions");
      // The last events of a session (its final paste) may arrive just after the final submit completed it.
      if (session.status === "complete" && (session.completed_at ?? 0) + LATE_SIGNALS_MS < now()) {
        throw new ServiceError("SESSION_OVER", "this session has ended; nothing more is recorded");
      }
      // A question is one of this session's: the team reads the id beside the signal.
      const planned = new Set(PlanSchema.parse(JSON.parse(session.plan_json)).rounds.flatMap((r) => r.questionIds));
      const stranger = body.events.find((e) => "questionId" in e && e.questionId && !planned.has(e.questionId.split("~")[0]!));
      if (stranger && "questionId" in stranger) {
        throw new ServiceError("BAD_PAYLOAD", `questionId "${stranger.questionId}" is not a question of this session`);
      }
      const { appended, stored } = await store.signals.append(
        sessionId,
        body.events.map((e) => ({
          kind: e.kind,
          questionId: "questionId" in e ? (e.questionId ?? null) : null,
          chars: "chars" in e ? e.chars : null,
          durationMs: "ms" in e ? e.ms : null,
        })),
        now(),
        MAX_SIGNALS_PER_SESSION,
      );
      if (!appended) {
        throw new ServiceError(
          "SIGNALS_FULL",
          `a session keeps at most ${MAX_SIGNALS_PER_SESSION} integrity signals; ${stored} are stored`,
        );
      }
      return { recorded: body.events.length };
    },
    /** What was recorded about this session, for the candidate (resume token) to see. */
    async forCandidate(sessionId: string, resumeToken: string): Promise<SessionSignals> {
      await service.authorize(sessionId, resumeToken);
      const rows = await store.signals.forSession(sessionId);
      return {
        recording: await recording(sessionId),
        recorded: [...SIGNALS_DISCLOSURE],
        summary: summariseSignals(rows),
        events: rows.map(signalView),
      };
    },
  };
}
