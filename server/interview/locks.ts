/**
 * One graph step at a time per session: a submit and a timer firing together
 * must not both resume the same interrupt.
 */
export function createSessionLocks() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    async run<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
      const previous = tails.get(sessionId) ?? Promise.resolve();
      const result = previous.then(work, work);
      const tail = result.catch(() => undefined);
      tails.set(sessionId, tail);
      try {
        return await result;
      } finally {
        if (tails.get(sessionId) === tail) tails.delete(sessionId);
      }
    },
    /** Work running or queued on some session now. */
    busy: (): boolean => tails.size > 0,
    /** Wait for everything queued so far (used on shutdown). */
    async drain(): Promise<void> {
      await Promise.all([...tails.values()]);
    },
  };
}
