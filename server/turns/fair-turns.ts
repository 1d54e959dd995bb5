/**
 * Whose work goes next: one owner (a session) at a time, round-robin, each owner's own items in the order it queued
 * them. Used where grading waits its turn: the grading thread (one reading at a time) and the background grading
 * queue (two grades at a time). First-come queues there let one candidate's 20,000-character answers (about half a
 * second each on a loaded machine) hold every other candidate's follow-up decision and grades behind all of them;
 * now another session waits for at most the work in progress and one turn of each address that has work queued
 * (turns go between client addresses first, then between one address's sessions: createFairTurns).
 *
 * Each owner may have at most `perOwner` items waiting (not counting those in progress); past it `push` refuses,
 * and the caller says why (the grading thread answers `GRADING_QUEUE_FULL`).
 */
export type FairTurns<T> = {
  /**
   * Queue `item` behind `owner`'s earlier ones; false (nothing queued) when the owner already has `perOwner` waiting.
   * `group` is whose turn the owner shares (its client address): groups take turns first, then the owners within
   * one. Without it the owner is a group of its own.
   */
  push(owner: string, item: T, group?: string): boolean;
  /** The next item: the group whose turn it is, then its owner whose turn it is; each goes to the back of its line. */
  shift(): T | undefined;
  /**
   * Take `item` out of its owner's line (its caller gave it up while it waited): it no longer counts toward its owner's
   * `perOwner` nor toward `size`, and its group's turn it would have used is given back. False when it is not waiting.
   */
  remove(item: T): boolean;
  /** Everything still waiting, taken out (a thread that is closing fails them). */
  drain(): T[];
  /** How many are waiting, all owners together. */
  readonly size: number;
};

/**
 * Turns between groups (client addresses), then between owners (sessions) within a group. With turns per session
 * alone, one address that opened many sessions had a turn for each: ten sessions from one address took ten turns to
 * another address's one, and slowed its follow-ups tenfold. Now each address with work waiting gets one turn in
 * every round, shared between its sessions in turn, as the sandbox's queue shares its pool (scheduling/fair-queue.ts).
 */
export function createFairTurns<T>(perOwner: number): FairTurns<T> {
  /** Each waiting item is one entry for its group here: served in turn, it takes the group's next owner's item. */
  const groups = createTurns<string>(Number.POSITIVE_INFINITY);
  const owners = new Map<string, ReturnType<typeof createTurns<T>>>();
  // An owner without a group is a group of its own, named apart from any address.
  const groupName = (owner: string, group: string | undefined) => (group === undefined ? `owner:${owner}` : `group:${group}`);
  return {
    push(owner, item, group) {
      const name = groupName(owner, group);
      let within = owners.get(name);
      if (!within) owners.set(name, (within = createTurns<T>(perOwner)));
      if (!within.push(owner, item)) return false;
      groups.push(name, name);
      return true;
    },
    shift() {
      const name = groups.shift();
      if (name === undefined) return undefined;
      const item = owners.get(name)!.shift();
      // Forget the other groups with nothing waiting (they start afresh, as owners do within a group); the group just
      // served keeps its owners' turns, so its owner that just had one goes behind its neighbour's next item.
      for (const [other, within] of owners) if (other !== name && within.size === 0) owners.delete(other);
      return item;
    },
    remove(item) {
      for (const [name, within] of owners) {
        if (!within.remove((candidate) => candidate === item)) continue;
        // Each waiting item holds one of its group's entries, and they are all alike: give back the latest one.
        groups.remove((candidate) => candidate === name);
        return true;
      }
      return false;
    },
    drain() {
      groups.drain();
      const all = [...owners.values()].flatMap((within) => within.drain());
      owners.clear();
      return all;
    },
    get size() {
      return groups.size;
    },
  };
}

/** One level of turns: owners round-robin, each owner's items in order. */
function createTurns<T>(perOwner: number) {
  // Start-time fair queuing: an owner's k-th waiting item is due in the round after its previous one, and never
  // before the round being served (an owner idle for a while earns no credit). The earliest round goes first, then
  // the earliest queued. So an owner whose first item went straight to work is behind a newcomer with its second:
  // a plain rotation of owners' lines put a flooder's line, created first, ahead of everyone arriving later.
  // `before`: the owner's lastRound before this entry was queued, given back if it leaves the line unserved.
  type Entry = { owner: string; item: T; round: number; seq: number; before: number | undefined };
  let waiting: Entry[] = [];
  /** Per owner with items waiting or just served: the round of its latest item, and how many wait. */
  const owners = new Map<string, { lastRound: number; waiting: number }>();
  let round = 0;
  let seq = 0;
  return {
    push(owner: string, item: T): boolean {
      const known = owners.get(owner);
      if (known && known.waiting >= perOwner) return false;
      const due = known ? Math.max(round, known.lastRound + 1) : round;
      owners.set(owner, { lastRound: due, waiting: (known?.waiting ?? 0) + 1 });
      waiting.push({ owner, item, round: due, seq: seq++, before: known?.lastRound });
      return true;
    },
    /**
     * Take out the latest-queued waiting item that `matches`; its owner's later turns are as they were. When it was
     * the owner's latest, the owner's next item is due as if it had never been queued.
     */
    remove(matches: (item: T) => boolean): boolean {
      let at = -1;
      for (let i = 0; i < waiting.length; i++) if (matches(waiting[i]!.item) && (at < 0 || waiting[i]!.seq > waiting[at]!.seq)) at = i;
      if (at < 0) return false;
      const [gone] = waiting.splice(at, 1) as [Entry];
      const o = owners.get(gone.owner)!;
      o.waiting--;
      const latest = !waiting.some((e) => e.owner === gone.owner && e.seq > gone.seq);
      if (latest) {
        if (gone.before === undefined && o.waiting === 0) owners.delete(gone.owner);
        else o.lastRound = gone.before ?? round;
      }
      return true;
    },
    shift(): T | undefined {
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
    drain(): T[] {
      const all = waiting.map((e) => e.item);
      waiting = [];
      owners.clear();
      return all;
    },
    get size(): number {
      return waiting.length;
    },
  };
}
