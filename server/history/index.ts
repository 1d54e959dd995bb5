import { randomBytes } from "node:crypto";
import type { HistoryRequest, HistoryResponse, PracticeRequest, Report, ShareCreated } from "../contracts/index.js";
import { ServiceError } from "../contracts/index.js";
import { reportForCandidate } from "../interview/candidate-report.js";
import { hashToken, tokenMatches } from "../interview/tokens.js";
import type { PackCatalog } from "../scenarios/index.js";
import { reportOf, type Store } from "../store/index.js";
import { suggestPractice } from "./practice.js";
import { summariseSession } from "./summary.js";

/**
 * A candidate's sessions without an account: listed for the resume tokens a
 * browser holds, shared read-only through links with tokens of their own.
 */
export function createHistory(deps: { store: Store; packs: PackCatalog; now: () => number }) {
  const { store, packs, now } = deps;

  async function packTitle(key: string, version: number): Promise<string> {
    return (await packs.get(key, version))?.pack.title ?? key;
  }

  /** The report as its candidate reads it (a share link shows no more than its owner sees). */
  async function completedReport(sessionId: string): Promise<Report> {
    const session = await store.sessions.get(sessionId);
    if (!session) throw new ServiceError("NOT_FOUND", `no session "${sessionId}"`);
    const report = reportOf(session);
    if (!report) throw new ServiceError("SESSION_IN_PROGRESS", "the interview is still in progress; it can be shared once it ends");
    return reportForCandidate(packs, session, report);
  }

  return {
    /** Summaries of the sessions the given tokens prove, newest first; the rest are named as unproven. */
    async list(request: HistoryRequest): Promise<HistoryResponse> {
      const rows = new Map((await store.sessions.getMany(request.sessions.map((s) => s.sessionId))).map((r) => [r.id, r]));
      const proven = [];
      const unproven: string[] = [];
      const seen = new Set<string>();
      for (const { sessionId, resumeToken } of request.sessions) {
        if (seen.has(sessionId)) continue;
        seen.add(sessionId);
        const row = rows.get(sessionId);
        if (row && tokenMatches(resumeToken, row.resume_token_hash))
          proven.push(summariseSession(row, await packTitle(row.pack_id, row.pack_version)));
        else unproven.push(sessionId);
      }
      proven.sort((a, b) => b.startedAt - a.startedAt);
      return { sessions: proven, unproven };
    },

    practice: (request: PracticeRequest) => suggestPractice(packs, request),

    /** A new read-only link; the caller has already proven the resume token. */
    async share(sessionId: string): Promise<ShareCreated> {
      await completedReport(sessionId);
      const token = `shr_${randomBytes(24).toString("base64url")}`;
      const createdAt = now();
      await store.shareLinks.insert({ token_hash: hashToken(token), session_id: sessionId, created_at: createdAt });
      return { token, path: `/shared/${token}`, createdAt };
    },

    revokeShares: async (sessionId: string) => ({ revoked: await store.shareLinks.revokeAll(sessionId, now()) }),

    /** The report a live share token opens; revoked or unknown tokens open nothing. */
    async shared(token: string): Promise<Report> {
      const sessionId = await store.shareLinks.sessionFor(hashToken(token));
      if (!sessionId) throw new ServiceError("NOT_FOUND", "this share link does not exist or was revoked");
      return completedReport(sessionId);
    },
  };
}

export type History = ReturnType<typeof createHistory>;
