import { randomBytes } from "node:crypto";
import { TESTS_CRITERION_ID } from "../grading/index.js";
import {
  OverrideBodySchema,
  TeamSessionsQuerySchema,
  TokenRoleSchema,
  type AuditEntry,
  type Comparison,
  type OverrideBody,
  type RegradeOutcome,
  type TeamRegradeResult,
  type TeamSessionDetail,
  type TeamSessionList,
  type TeamSessionRow,
  type TeamSessionsQuery,
} from "../contracts/index.js";
import { ServiceError } from "../contracts/index.js";
import type { PackLibrary } from "../packs/index.js";
import { planOf, reportOf, type InviteRow, type OverrideRow, type SessionRow, type SignalRow, type Store } from "../store/index.js";
import { adjustedScores, criterionKey, currentOverrides } from "./scores.js";
import { signalView, summariseSignals } from "./signals.js";
import type { TeamIdentity } from "./teams.js";

const auditView = (r: OverrideRow): AuditEntry => ({
  id: r.id,
  questionId: r.question_id,
  criterionId: r.criterion_id,
  original: r.original_score,
  before: r.before_score,
  after: r.after_score,
  note: r.note,
  by: r.token_label,
  role: TokenRoleSchema.nullable().catch(null).parse(r.token_role),
  tokenId: r.token_id,
  at: r.created_at,
});

/** The team's view of its sessions: dashboard rows, one session in full, overrides with their audit, compare. */
export function createReview(deps: {
  store: Store;
  packs: PackLibrary;
  now: () => number;
  /** Grades again what a finished session's report says was not graded (the interview service's regrade). */
  service?: { regrade(sessionId: string): Promise<RegradeOutcome> };
}) {
  const { store, packs, now } = deps;

  const rowOf = (
    s: SessionRow,
    invite: InviteRow | undefined,
    signals: SignalRow[],
    overrides: OverrideRow[],
    packTitle: string,
  ): TeamSessionRow => {
    const report = reportOf(s);
    const adjusted = report ? adjustedScores(report, currentOverrides(overrides)) : null;
    const plan = planOf(s);
    return {
      sessionId: s.id,
      source: s.invite_id ? "invite" : "pack",
      inviteId: s.invite_id,
      candidateLabel: invite?.candidate_label ?? null,
      candidateEmail: invite?.candidate_email ?? null,
      packKey: s.pack_id,
      packVersion: s.pack_version,
      packTitle,
      mode: s.mode as TeamSessionRow["mode"],
      level: s.level as TeamSessionRow["level"],
      status: s.status,
      startedAt: s.created_at,
      completedAt: s.completed_at,
      secondsUsed: Math.max(0, Math.round(((s.completed_at ?? now()) - s.created_at) / 1000)),
      score: adjusted?.overall ?? null,
      gradedScore: report?.overall ?? null,
      rounds: adjusted?.rounds ?? plan.rounds.map((r) => ({ roundId: r.roundId, title: r.title, score: null })),
      signals: summariseSignals(signals),
      overrides: overrides.length,
    };
  };

  /** Rows for the given sessions, with their invites, signals, overrides and pack titles loaded in bulk. */
  async function rowsFor(teamId: string, sessions: SessionRow[]): Promise<TeamSessionRow[]> {
    const ids = sessions.map((s) => s.id);
    const invites = new Map((await store.invites.list(teamId)).map((i) => [i.id, i]));
    const signals = groupBy(await store.signals.forSessions(ids), (r) => r.session_id);
    const overrides = groupBy(await store.overrides.forSessions(ids), (r) => r.session_id);
    const titles = new Map<string, string>();
    for (const s of sessions) {
      const k = `${s.pack_id}@${s.pack_version}`;
      if (!titles.has(k)) titles.set(k, (await packs.get(s.pack_id, s.pack_version))?.pack.title ?? s.pack_id);
    }
    return sessions.map((s) =>
      rowOf(
        s,
        s.invite_id ? invites.get(s.invite_id) : undefined,
        signals.get(s.id) ?? [],
        overrides.get(s.id) ?? [],
        titles.get(`${s.pack_id}@${s.pack_version}`)!,
      ),
    );
  }

  async function requireSession(teamId: string, sessionId: string): Promise<SessionRow> {
    const s = await store.teamSessions.get(teamId, sessionId);
    // Another team's session and a missing one look the same.
    if (!s) throw new ServiceError("NOT_FOUND", `no session "${sessionId}" for team "${teamId}"`);
    return s;
  }

  const review = {
    async list(teamId: string, query: TeamSessionsQuery = {}): Promise<TeamSessionList> {
      const q = TeamSessionsQuerySchema.parse(query);
      const all = await rowsFor(teamId, await store.teamSessions.list(teamId));
      const needle = q.q?.toLowerCase();
      const rows = all.filter(
        (r) =>
          (!q.status || r.status === q.status) &&
          (!q.pack || r.packKey === q.pack) &&
          (!q.invite || r.inviteId === q.invite) &&
          (!needle || (r.candidateLabel ?? "").toLowerCase().includes(needle)),
      );
      const key: Record<NonNullable<typeof q.sort>, (r: TeamSessionRow) => number | string> = {
        started: (r) => r.startedAt,
        score: (r) => r.score ?? -1,
        candidate: (r) => (r.candidateLabel ?? "").toLowerCase(),
        pastes: (r) => r.signals.pastedChars,
        away: (r) => r.signals.awayMs,
        time: (r) => r.secondsUsed,
      };
      const sign = q.order === "asc" ? 1 : -1;
      rows.sort((a, b) => {
        const x = key[q.sort](a);
        const y = key[q.sort](b);
        return (x < y ? -1 : x > y ? 1 : 0) * sign || a.sessionId.localeCompare(b.sessionId);
      });
      return { sessions: rows, packs: [...new Set(all.map((r) => r.packKey))].sort() };
    },

    async detail(teamId: string, sessionId: string): Promise<TeamSessionDetail> {
      const s = await requireSession(teamId, sessionId);
      const [row] = await rowsFor(teamId, [s]);
      const report = reportOf(s);
      const audit = await store.overrides.forSession(sessionId);
      const overrides = currentOverrides(audit);
      return {
        session: row!,
        report,
        overrides,
        adjustedQuestionScores: report ? adjustedScores(report, overrides).questions : {},
        audit: audit.map(auditView),
        signals: (await store.signals.forSession(sessionId)).map(signalView),
      };
    },

    /**
     * A reviewer has the questions the grader gave up on (GRADING_TIMEOUT) graded again: the report is saved with
     * them graded; overrides (kept beside the report) apply on top as before. The session as the team now sees it.
     */
    async regrade(teamId: string, sessionId: string): Promise<TeamRegradeResult> {
      // Another team's session is NOT_FOUND here, before anything is graded.
      await requireSession(teamId, sessionId);
      if (!deps.service) throw new Error("regrading needs the interview service");
      const { regraded, notGraded } = await deps.service.regrade(sessionId);
      return { regraded, notGraded, detail: await review.detail(teamId, sessionId) };
    },

    /** A reviewer changes one criterion's score; the note is required and every change is kept. */
    async override(who: TeamIdentity, sessionId: string, body: OverrideBody): Promise<TeamSessionDetail> {
      const input = OverrideBodySchema.parse(body);
      const s = await requireSession(who.teamId, sessionId);
      const report = reportOf(s);
      if (!report)
        throw new ServiceError("SESSION_IN_PROGRESS", "the session is still running; scores can be overridden once it has ended");
      const round = report.rounds.find((r) => r.questions.some((q) => q.questionId === input.questionId));
      const question = round?.questions.find((q) => q.questionId === input.questionId);
      if (!round || !question) throw new ServiceError("NOT_FOUND", `question "${input.questionId}" is not in this session`);
      // A planned question the interview never reached has no scores at all: say so, not "its criteria:" and an empty list.
      if (!question.asked)
        throw new ServiceError(
          "QUESTION_NOT_ASKED",
          `question "${input.questionId}" was never asked in this session (the interview ended before it), so it has no scores to override`,
        );
      const known = question.criteria.map((c) => `"${c.criterionId}"`).join(", ");
      // A coding question asked but never answered with code scores 0 on its tests without running any: that 0 is no
      // verdict, and an override would invent a test result. Code that was submitted but could not run (no sandbox
      // then) may still be judged by a reviewer who ran it.
      const others = question.criteria
        .filter((c) => c.criterionId !== TESTS_CRITERION_ID)
        .map((c) => `"${c.criterionId}"`)
        .join(", ");
      const withCode = question.turns.some((t) => t.answer?.code?.trim());
      if (round.kind === "coding" && input.criterionId === TESTS_CRITERION_ID && !withCode && !question.tests)
        throw new ServiceError(
          "TESTS_NOT_RUN",
          `question "${input.questionId}" was never answered with code, so its tests never ran and there is no "${input.criterionId}" score to override; override one of its other criteria (${others}) instead`,
        );
      const criterion = question.criteria.find((c) => c.criterionId === input.criterionId);
      if (!criterion)
        throw new ServiceError(
          "NOT_FOUND",
          `question "${input.questionId}" has no criterion "${input.criterionId}"; its criteria: ${known}`,
        );
      const current = currentOverrides(await store.overrides.forSession(sessionId))[criterionKey(input.questionId, input.criterionId)];
      const before = current?.score ?? criterion.score;
      if (before === input.score)
        throw new ServiceError("SCORE_UNCHANGED", `the score of "${input.criterionId}" is already ${input.score}`);
      await store.overrides.insert({
        id: `ovr_${randomBytes(8).toString("hex")}`,
        session_id: sessionId,
        team_id: who.teamId,
        question_id: input.questionId,
        criterion_id: input.criterionId,
        original_score: criterion.score,
        before_score: before,
        after_score: input.score,
        note: input.note,
        token_id: who.tokenId,
        token_label: who.label,
        token_role: who.role,
        created_at: now(),
      });
      return review.detail(who.teamId, sessionId);
    },

    /** 2-5 candidates on the same pack, criterion by criterion (overrides applied). */
    async compare(teamId: string, sessionIds: string[]): Promise<Comparison> {
      if (new Set(sessionIds).size !== sessionIds.length)
        throw new ServiceError("BAD_PAYLOAD", "sessions: the same session is listed twice");
      const sessions = await Promise.all(sessionIds.map((id) => requireSession(teamId, id)));
      const packKeys = [...new Set(sessions.map((s) => s.pack_id))];
      if (packKeys.length > 1)
        throw new ServiceError(
          "BAD_PAYLOAD",
          `compare needs sessions on the same pack; these are on ${packKeys.map((k) => `"${k}"`).join(", ")}`,
        );
      const running = sessions.filter((s) => !reportOf(s));
      if (running.length)
        throw new ServiceError(
          "SESSION_IN_PROGRESS",
          `session ${running.map((s) => `"${s.id}"`).join(", ")} is still running; compare finished sessions`,
        );
      const rows = await rowsFor(teamId, sessions);
      const reports = sessions.map((s) => reportOf(s)!);
      const overrides = await Promise.all(sessions.map(async (s) => currentOverrides(await store.overrides.forSession(s.id))));
      const criteria: Comparison["criteria"] = [];
      const seen = new Set<string>();
      for (const report of reports) {
        for (const q of report.rounds.flatMap((r) => r.questions)) {
          for (const c of q.criteria) {
            const k = criterionKey(q.questionId, c.criterionId);
            if (seen.has(k)) continue;
            seen.add(k);
            const cells = reports.map((rep, i) => {
              const hit = rep.rounds
                .flatMap((r) => r.questions)
                .find((x) => x.questionId === q.questionId)
                ?.criteria.find((x) => x.criterionId === c.criterionId);
              const o = overrides[i]![k];
              return { score: hit ? (o?.score ?? hit.score) : null, overridden: Boolean(hit && o) };
            });
            criteria.push({
              questionId: q.questionId,
              questionTitle: q.title,
              criterionId: c.criterionId,
              criterionTitle: c.title,
              scores: cells.map((x) => x.score),
              overridden: cells.map((x) => x.overridden),
            });
          }
        }
      }
      const roundIds = [...new Set(rows.flatMap((r) => r.rounds.map((x) => x.roundId)))];
      return {
        packKey: packKeys[0]!,
        packTitle: rows[0]!.packTitle,
        sessions: rows.map((r) => ({
          sessionId: r.sessionId,
          candidateLabel: r.candidateLabel,
          packVersion: r.packVersion,
          score: r.score,
          signals: r.signals,
        })),
        rounds: roundIds.map((id) => ({
          roundId: id,
          title: rows.flatMap((r) => r.rounds).find((x) => x.roundId === id)!.title,
          scores: rows.map((r) => r.rounds.find((x) => x.roundId === id)?.score ?? null),
        })),
        criteria,
      };
    },
  };
  return review;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
