/**
 * How the sandbox pool is shared, in one place. Every number here trades one
 * candidate's speed against everyone else's; the reasons sit next to them.
 */

/** Python sandboxes one session may hold: a submit's visible and hidden batches run side by side. */
export const PYTHON_PER_SESSION = 2;
/** TypeScript workers one session may hold: a worker runs one batch at a time, a submit's two batches take turns. */
export const TYPESCRIPT_PER_SESSION = 1;

/**
 * Share of a language's slots that all sessions from one client address may hold at once.
 * One address can open many sessions (an outside test: 30 a minute, 20 of them looping
 * `while True: pass` made another candidate's trivial run take 11 s). A third leaves two
 * thirds of the pool to everyone else; several honest candidates behind one NAT still run,
 * taking turns (round-robin) within their address's share.
 */
export const ADDRESS_SHARE = 1 / 3;

/** Slots one address may hold: its share of the pool, never less than one session's own cap. */
export function perAddressSlots(slots: number, perSession: number): number {
  return Math.max(perSession, Math.floor(slots * ADDRESS_SHARE));
}

/**
 * Slots that runs with no candidate waiting on them (an editor's pack validation:
 * reference solutions and stub probes) may hold at once, per language, across all
 * teams: one validation's visible and hidden batches. They are served only when no
 * candidate run can take the slot (lower priority), and are lowered to nice 10 at once.
 * An outside test's four concurrent validations of 40 looping solutions took every
 * slot for ~190 s and candidates' runs went from ~50 ms to 5.6-7 s.
 */
export const BACKGROUND_SLOTS = 2;

/**
 * Wall-clock budget for one pack validation's sandbox runs (reference solutions and stub
 * probes). Runs not started when it is spent are reported as an issue naming the first
 * question left unchecked; runs already going finish (each is held to its own wall budget).
 * An honest 40-question pack verifies in a few seconds; 40 looping solutions used to take
 * ~190 s per request. One minute leaves room for a loaded machine.
 */
export const VALIDATION_BUDGET_MS = 60_000;
