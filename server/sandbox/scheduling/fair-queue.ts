/**
 * Slots for sandbox runs, handed out round-robin between owners (one owner = one
 * interview session). An owner holds at most `perOwner` slots at once, so a
 * candidate looping hostile code occupies one slot however fast it submits, and a
 * freed slot goes to the next owner in turn, not to whoever queued the most.
 */
export type SlotRelease = () => void;
export type WaitNotice = { ahead: number };

type Waiter = { owner: string; grant: () => void };

export function createFairQueue(options: { slots: number; perOwner: number }) {
  const slots = Math.max(1, options.slots);
  const perOwner = Math.max(1, options.perOwner);
  const running = new Map<string, number>();
  const waiting = new Map<string, Waiter[]>();
  /** Owners with waiting runs, in turn order: the front is served next. */
  const turn: string[] = [];
  let busy = 0;

  const runningFor = (owner: string) => running.get(owner) ?? 0;
  const waitingCount = () => [...waiting.values()].reduce((n, q) => n + q.length, 0);

  function start(owner: string): SlotRelease {
    busy++;
    running.set(owner, runningFor(owner) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      busy--;
      const left = runningFor(owner) - 1;
      if (left > 0) running.set(owner, left);
      else running.delete(owner);
      dispatch();
    };
  }

  function dispatch(): void {
    while (busy < slots) {
      const index = turn.findIndex((owner) => runningFor(owner) < perOwner);
      if (index < 0) return;
      const owner = turn[index]!;
      const queue = waiting.get(owner)!;
      const next = queue.shift()!;
      turn.splice(index, 1);
      if (queue.length > 0)
        turn.push(owner); // back of the line for its next run
      else waiting.delete(owner);
      next.grant();
    }
  }

  return {
    /**
     * Wait for a slot; call the returned function when the run is over. `onWait`
     * is called once if the run has to wait, with how many runs are queued before it.
     */
    acquire(owner: string, onWait?: (notice: WaitNotice) => void): Promise<SlotRelease> {
      if (busy < slots && runningFor(owner) < perOwner && !waiting.has(owner)) return Promise.resolve(start(owner));
      return new Promise<SlotRelease>((resolve) => {
        const ahead = waitingCount();
        const queue = waiting.get(owner);
        const waiter: Waiter = { owner, grant: () => resolve(start(owner)) };
        if (queue) queue.push(waiter);
        else {
          waiting.set(owner, [waiter]);
          turn.push(owner);
        }
        onWait?.({ ahead });
        dispatch();
      });
    },
    stats: () => ({ busy, waiting: waitingCount(), slots }),
  };
}
