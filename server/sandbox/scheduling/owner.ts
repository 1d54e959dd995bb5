let anonymous = 0;

/**
 * The queue owner for a run: the session it belongs to, or, for runs with no
 * candidate behind them (validate, run-code), an owner of its own, so such
 * runs are not held to one slot between them.
 */
export function ownerOf(owner: string | undefined): string {
  return owner ?? `anonymous:${++anonymous}`;
}
