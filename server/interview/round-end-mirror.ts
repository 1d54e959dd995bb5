import type { Store } from "../store/index.js";

/**
 * `sessions.round_ends_at`, the store's copy of the checkpoint's deadline,
 * written only when it changes: every graph step ends by bringing it in line,
 * and most steps (a follow-up, the next question of the same round) leave the
 * deadline as it was, so the write was one of a submit's few and changed nothing.
 * What was last written is remembered per session while it awaits answers;
 * `forget` drops it when another instance may have written since (the next
 * step then writes again).
 */
export function createRoundEndMirror(sessions: Pick<Store["sessions"], "setRoundEndsAt">, now: () => number) {
  const written = new Map<string, number | null>();
  return {
    /** `awaiting`: the session waits for an answer; otherwise it is finished or stuck, and nothing is remembered. */
    async set(sessionId: string, roundEndsAt: number | null, awaiting: boolean): Promise<void> {
      if (awaiting && written.has(sessionId) && written.get(sessionId) === roundEndsAt) return;
      // Unknown until the write lands: after a failed write the next step writes again.
      written.delete(sessionId);
      await sessions.setRoundEndsAt(sessionId, roundEndsAt, now());
      if (awaiting) written.set(sessionId, roundEndsAt);
    },
    forget: (sessionId: string) => void written.delete(sessionId),
    clear: () => written.clear(),
  };
}
