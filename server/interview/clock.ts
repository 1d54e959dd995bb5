/** Time as the server keeps it: the current time and one-shot timers. Tests inject a manual one. */
export type Clock = {
  now(): number;
  /** Run `fn` after `ms`; returns a cancel function. Must not keep the process alive. */
  setTimer(fn: () => void, ms: number): () => void;
};

export const realClock: Clock = {
  now: Date.now,
  setTimer(fn, ms) {
    const handle = setTimeout(fn, ms);
    handle.unref();
    return () => clearTimeout(handle);
  },
};
