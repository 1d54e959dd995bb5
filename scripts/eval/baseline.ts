const STOP = new Set(
  "a an the to of and or in on for with by as at is are be was were it its this that we i you they then so if but not no from into than which when there".split(
    " ",
  ),
);
const words = (s: string) => (s.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !STOP.has(w));

/** Share of a reference's content words the answer uses (best reference): the usual baseline. */
export function bagOfWordsRecall(answer: string, references: string[]): number {
  const own = new Set(words(answer));
  let best = 0;
  for (const ref of references) {
    const r = new Set(words(ref));
    if (r.size === 0) continue;
    let hit = 0;
    for (const w of r) if (own.has(w)) hit++;
    best = Math.max(best, hit / r.size);
  }
  return best;
}
