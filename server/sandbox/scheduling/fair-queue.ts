/**
 * Slots for sandbox runs, handed out round-robin at two levels: between groups
 * (a group is a client address, or a team's validation), then between the owners
 * inside a group (one owner = one interview session). An owner holds at most
 * `perOwner` slots and a group at most `perGroup`, so twenty sessions from one
 * address looping hostile code hold that address's share and no more, and a freed
 * slot goes to the next group in turn, not to whoever opened the most sessions.
 * Background runs (pack validation) only get a slot no candidate run can take,
 * and at most `backgroundSlots` of them at once.
 */
export type SlotRelease = () => void;
/** ahead: candidate runs queued before this one when it started waiting. */
export type WaitNotice = { ahead: number };
/** Who a run is for. group defaults to the owner itself (a group of one). */
export type Ticket = { owner: string; group?: string | undefined; background?: boolean | undefined };

type Waiter = { owner: string; group: string; background: boolean; grant: () => void };
/** A group with waiting runs: its owners in turn order, each with its own queue. */
type WaitingGroup = { background: boolean; turn: string[]; queues: Map<string, Waiter[]> };

/**
 * A run given up because nobody waits for it any more (its client went away): while queued, before its code started
 * (`started` false), or while its code ran (`started` true, the sandbox stopped). One error, so every caller reports
 * it as RUN_CANCELLED; a run given up was never "crashed" (an outside tester saw a cancelled run reported so).
 */
export class RunCancelledError extends Error {
  override name = "RunCancelledError";
  constructor(readonly started = false) {
    super(started ? "the run was cancelled while it ran: nobody waits for its results" : "the run was cancelled before it started");
  }
}

export function createFairQueue(options: { slots: number; perOwner: number; perGroup?: number; backgroundSlots?: number }) {
  const slots = Math.max(1, options.slots);
  const perOwner = Math.max(1, options.perOwner);
  const perGroup = Math.max(perOwner, options.perGroup ?? Number.POSITIVE_INFINITY);
  const backgroundSlots = Math.max(1, options.backgroundSlots ?? slots);
  const runningOwner = new Map<string, number>();
  const runningGroup = new Map<string, number>();
  const groups = new Map<string, WaitingGroup>();
  /** Groups with waiting runs, in turn order: the front is served next. */
  const turn: string[] = [];
  let busy = 0;
  let backgroundBusy = 0;
  let waitingCandidates = 0;
  let waitingBackground = 0;

  const count = (map: Map<string, number>, key: string) => map.get(key) ?? 0;
  const bump = (map: Map<string, number>, key: string, by: number) => {
    const n = count(map, key) + by;
    if (n > 0) map.set(key, n);
    else map.delete(key);
  };
  const groupKey = (t: Ticket) => (t.background ? `background:${t.group ?? t.owner}` : (t.group ?? `owner:${t.owner}`));
  const canStart = (owner: string, group: string, background: boolean) =>
    busy < slots &&
    count(runningOwner, owner) < perOwner &&
    count(runningGroup, group) < perGroup &&
    (!background || backgroundBusy < backgroundSlots);

  function start(owner: string, group: string, background: boolean): SlotRelease {
    busy++;
    if (background) backgroundBusy++;
    bump(runningOwner, owner, 1);
    bump(runningGroup, group, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      busy--;
      if (background) backgroundBusy--;
      bump(runningOwner, owner, -1);
      bump(runningGroup, group, -1);
      dispatch();
    };
  }

  /** The next waiter that may start: candidates' groups first, in turn order, then background ones. */
  function pick(): { groupIndex: number; ownerIndex: number } | null {
    for (const background of [false, true]) {
      for (let g = 0; g < turn.length; g++) {
        const key = turn[g]!;
        const group = groups.get(key)!;
        if (group.background !== background) continue;
        const o = group.turn.findIndex((owner) => canStart(owner, key, background));
        if (o >= 0) return { groupIndex: g, ownerIndex: o };
      }
    }
    return null;
  }

  function dispatch(): void {
    for (let next = pick(); next; next = pick()) {
      const key = turn[next.groupIndex]!;
      const group = groups.get(key)!;
      const owner = group.turn[next.ownerIndex]!;
      const queue = group.queues.get(owner)!;
      const waiter = queue.shift()!;
      // Both the owner and its group go to the back of their lines for their next run.
      group.turn.splice(next.ownerIndex, 1);
      if (queue.length > 0) group.turn.push(owner);
      else group.queues.delete(owner);
      turn.splice(next.groupIndex, 1);
      if (group.turn.length > 0) turn.push(key);
      else groups.delete(key);
      if (waiter.background) waitingBackground--;
      else waitingCandidates--;
      waiter.grant();
    }
  }

  return {
    /**
     * Wait for a slot; call the returned function when the run is over. `onWait`
     * is called once if the run has to wait, with how many candidate runs are queued before it.
     */
    acquire(who: string | Ticket, onWait?: (notice: WaitNotice) => void, signal?: AbortSignal): Promise<SlotRelease> {
      if (signal?.aborted) return Promise.reject(new RunCancelledError());
      const ticket: Ticket = typeof who === "string" ? { owner: who } : who;
      const owner = ticket.owner;
      const group = groupKey(ticket);
      const background = ticket.background === true;
      if (canStart(owner, group, background) && !groups.has(group) && (background ? waitingCandidates === 0 : true))
        return Promise.resolve(start(owner, group, background));
      return new Promise<SlotRelease>((resolve, reject) => {
        const ahead = waitingCandidates;
        let granted = false;
        // A run nobody waits for any more (its client left) leaves the line, so it holds up no one behind it.
        const cancel = () => {
          const waitingGroup = groups.get(group);
          const queue = waitingGroup?.queues.get(owner);
          const at = queue ? queue.indexOf(waiter) : -1;
          if (granted || !waitingGroup || !queue || at < 0) return;
          queue.splice(at, 1);
          if (queue.length === 0) {
            waitingGroup.queues.delete(owner);
            waitingGroup.turn.splice(waitingGroup.turn.indexOf(owner), 1);
          }
          if (waitingGroup.turn.length === 0) {
            groups.delete(group);
            turn.splice(turn.indexOf(group), 1);
          }
          if (background) waitingBackground--;
          else waitingCandidates--;
          reject(new RunCancelledError());
        };
        const waiter: Waiter = {
          owner,
          group,
          background,
          grant: () => {
            granted = true;
            signal?.removeEventListener("abort", cancel);
            resolve(start(owner, group, background));
          },
        };
        signal?.addEventListener("abort", cancel, { once: true });
        let waiting = groups.get(group);
        if (!waiting) {
          waiting = { background, turn: [], queues: new Map() };
          groups.set(group, waiting);
          turn.push(group);
        }
        const queue = waiting.queues.get(owner);
        if (queue) queue.push(waiter);
        else {
          waiting.queues.set(owner, [waiter]);
          waiting.turn.push(owner);
        }
        if (background) waitingBackground++;
        else waitingCandidates++;
        dispatch();
        if (!granted) onWait?.({ ahead });
      });
    },
    stats: () => ({ busy, waiting: waitingCandidates + waitingBackground, slots }),
  };
}
