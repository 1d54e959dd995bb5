/**
 * What each test printed so far, read from the sandbox's stdout: the harness copies
 * every kept piece of a test's stdout there as it is printed, after a marker line
 * `\0case:<i>` at the start of test i (text before any marker is the module's load).
 * When the server stops a run (its wall-clock budget), the test cut short keeps what
 * it printed, as a TypeScript run does. Candidate code can write markers too; that only
 * moves its own output between its own tests. Each test keeps at most `limit` characters.
 */
const MARKER = "\u0000case:";
/** Where text before the first marker (the module's top level) is kept. */
export const LOAD = -1;

export function createPartialStdout(limit: number) {
  const parts = new Map<number, string>();
  let current = LOAD;
  let pending = "";

  const keep = (text: string) => {
    if (!text) return;
    const had = parts.get(current) ?? "";
    if (had.length < limit) parts.set(current, had + text.slice(0, limit - had.length));
  };

  return {
    feed(chunk: string): void {
      pending += chunk;
      for (;;) {
        const at = pending.indexOf(MARKER);
        if (at < 0) {
          // Hold back a tail that could be the start of a marker split across chunks.
          const nul = pending.lastIndexOf("\u0000");
          const safe = nul >= 0 && MARKER.startsWith(pending.slice(nul)) ? nul : pending.length;
          keep(pending.slice(0, safe));
          pending = pending.slice(safe);
          return;
        }
        const end = pending.indexOf("\n", at);
        if (end < 0) {
          keep(pending.slice(0, at));
          // An unfinished marker line longer than any real one is just text.
          if (pending.length - at > MARKER.length + 12) {
            keep(pending.slice(at));
            pending = "";
          } else pending = pending.slice(at);
          return;
        }
        keep(pending.slice(0, at));
        const index = Number(pending.slice(at + MARKER.length, end));
        if (Number.isInteger(index) && index >= 0) current = index;
        else keep(pending.slice(at, end + 1));
        pending = pending.slice(end + 1);
      }
    },
    /** What test i printed; a run stopped while loading the module shows the load's output on its first test. */
    of(i: number): string {
      if (current === LOAD) return i === 0 ? (parts.get(LOAD) ?? "") : "";
      return parts.get(i) ?? "";
    },
  };
}
