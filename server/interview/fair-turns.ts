/**
 * Whose work goes next: one owner (a session) at a time, round-robin, each owner's own items in the order it queued
 * them. Used where grading waits its turn: the grading thread (one reading at a time) and the background grading
 * queue (two grades at a time). First-come queues there let one candidate's 20,000-character answers (about half a
 * second each on a loaded machine) hold every other candidate's follow-up decision and grades behind all of them;
 * now another session waits for at most the work in progress and one turn of each session that has work queued.
 *
 * Each owner may have at most `perOwner` items waiting (not counting those in progress); past it `push` refuses,
 * and the caller says why (the grading thread answers `GRADING_QUEUE_FULL`).
 */
export type FairTurns<T> = {
  /** Queue `item` behind `owner`'s earlier ones; false (nothing queued) when the owner already has `perOwner` waiting. */
  push(owner: string, item: T): boolean;
  /** The next item: the first of the owner whose turn it is, who then goes to the back of the line. */
  shift(): T | undefined;
  /** Everything still waiting, taken out (a thread that is closing fails them). */
  drain(): T[];
  /** How many are waiting, all owners together. */
  readonly size: number;
};

export function createFairTurns<T>(perOwner: number): FairTurns<T> {
  // Start-time fair queuing: an owner's k-th waiting item is due in the round after its previous one, and never
  // before the round being served (an owner idle for a while earns no credit). The earliest round goes first, then
  // the earliest queued. So an owner whose first item went straight to work is behind a newcomer with its second:
  // a plain rotation of owners' lines put a flooder's line, created first, ahead of everyone arriving later.
  type Entry = { owner: string; item: T; round: number; seq: number };
  let waiting: Entry[] = [];
  /** Per owner with items waiting or just served: the round of its latest item, and how many wait. */
  const owners = new Map<string, { lastRound: number; waiting: number }>();
  let round = 0;
  let seq = 0;
  return {
    push(owner, item) {
      const known = owners.get(owner);
      if (known && known.waiting >= perOwner) return false;
      const due = known ? Math.max(round, known.lastRound + 1) : round;
      owners.set(owner, { lastRound: due, waiting: (known?.waiting ?? 0) + 1 });
      waiting.push({ owner, item, round: due, seq: seq++ });
      return true;
    },
    shift() {
      if (!waiting.length) return undefined;
      let best = 0;
      for (let i = 1; i < waiting.length; i++) {
        const e = waiting[i]!;
        const b = waiting[best]!;
        if (e.round < b.round || (e.round === b.round && e.seq < b.seq)) best = i;
      }
      const [next] = waiting.splice(best, 1) as [Entry];
      round = next.round;
      const o = owners.get(next.owner)!;
      o.waiting--;
      // Forget owners with nothing waiting whose last round is served: they start afresh at the current round.
      for (const [name, state] of owners) if (state.waiting === 0 && state.lastRound <= round && name !== next.owner) owners.delete(name);
      return next.item;
    },
    drain() {
      const all = waiting.map((e) => e.item);
      waiting = [];
      owners.clear();
      return all;
    },
    get size() {
      return waiting.length;
    },
  };
}
