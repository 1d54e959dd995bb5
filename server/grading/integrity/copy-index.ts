import { forMatching } from "./normalise.js";

/**
 * Fingerprints of texts a candidate must not copy (model answers, the rubric),
 * built once per pack version and queried per paragraph: word 5-grams for
 * verbatim runs, and the set of content words for shuffled or lightly edited
 * copies. Queries cost one map lookup per word of the answer, whatever the
 * number of sources.
 */
export type CopyIndex = {
  /** run length -> shingle -> ids of the sources containing it */
  runs: Map<number, Map<string, number[]>>;
  /** shingle counts per source and run length */
  runCounts: Map<number, number[]>;
  /** content word -> ids of the sources using it */
  words: Map<string, number[]>;
  /** distinct content words per source */
  wordCounts: number[];
  /** every word of each source with its count, function words included (see reorderedCopy) */
  bags: Map<string, number>[];
  sources: string[];
};

const STOP = new Set(
  "a an the to of and or in on for with by as at is are be was were been being it its this that these those we i you they our my your their then so if but not no from into than which when what who how do does did have has had will would can could should may might must there here also just very more most less some any all each such only own same other about over under out up down".split(
    " ",
  ),
);

export const words = (s: string): string[] => forMatching(s).match(/[\p{L}\p{N}]+/gu) ?? [];
export const contentWords = (s: string): string[] => words(s).filter((w) => w.length > 2 && !STOP.has(w));

function shingles(w: string[], run: number): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + run <= w.length; i++) set.add(w.slice(i, i + run).join(" "));
  return set;
}

const push = (m: Map<string, number[]>, key: string, id: number) => {
  const list = m.get(key);
  if (!list) m.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
};

export function buildCopyIndex(sources: string[], runLengths: number[] = [4, 5]): CopyIndex {
  const index: CopyIndex = { runs: new Map(), runCounts: new Map(), words: new Map(), wordCounts: [], bags: [], sources };
  for (const run of runLengths) {
    index.runs.set(run, new Map());
    index.runCounts.set(run, []);
  }
  sources.forEach((text, id) => {
    const w = words(text);
    for (const run of runLengths) {
      const set = shingles(w, run);
      index.runCounts.get(run)!.push(set.size);
      for (const s of set) push(index.runs.get(run)!, s, id);
    }
    index.bags.push(bagOf(w));
    const distinct = new Set(contentWords(text));
    index.wordCounts.push(distinct.size);
    for (const word of distinct) push(index.words, word, id);
  });
  return index;
}

/** Largest share of the paragraph's word runs found in any one source (ignoring `skip`). */
export function sharedRunShare(
  index: CopyIndex,
  paragraph: string,
  run: number,
  skip: ReadonlySet<number>,
): { share: number; size: number } {
  const own = shingles(words(paragraph), run);
  const table = index.runs.get(run);
  if (!table || own.size === 0) return { share: 0, size: own.size };
  const counts = new Map<number, number>();
  for (const s of own) for (const id of table.get(s) ?? []) if (!skip.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best = 0;
  for (const c of counts.values()) best = Math.max(best, c);
  return { share: best / own.size, size: own.size };
}

/** Distinct content words below which a text is never a reworded copy (see vocabularyCopy). */
const MIN_WORDS_FOR_VOCABULARY_COPY = 20;

/**
 * A reworded, shuffled or lightly edited copy: nearly every content word of
 * the paragraph comes from one source (or is one of the question's rubric terms), and
 * together they cover most of the source.
 */
export function vocabularyCopy(
  index: CopyIndex,
  paragraph: string,
  skip: ReadonlySet<number>,
  isTerm: (word: string) => boolean = () => false,
): { id: number; containment: number; coverage: number } | null {
  const own = new Set(contentWords(paragraph));
  // A paraphrase of a one- or two-sentence definition reuses most of its words by nature ("A stack is LIFO:
  // the last element added is the first removed"); only a longer text made of a model answer's words is a copy.
  if (own.size < MIN_WORDS_FOR_VOCABULARY_COPY) return null;
  const counts = new Map<number, number>();
  for (const w of own) for (const id of index.words.get(w) ?? []) if (!skip.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  // The question's own rubric terms mixed into a model answer's words hide nothing: they count as from the source.
  const terms = [...own].filter(isTerm);
  let best: { id: number; containment: number; coverage: number } | null = null;
  for (const [id, c] of counts) {
    const extra = terms.filter((w) => !(index.words.get(w) ?? []).includes(id)).length;
    const containment = (c + extra) / own.size;
    const coverage = c / Math.max(1, index.wordCounts[id]!);
    if (containment >= 0.85 && coverage >= 0.5 && (!best || containment + coverage > best.containment + best.coverage))
      best = { id, containment, coverage };
  }
  return best;
}

const bagOf = (w: string[]) => {
  const bag = new Map<string, number>();
  for (const x of w) bag.set(x, (bag.get(x) ?? 0) + 1);
  return bag;
};

/** Words below which a text is never a reordered copy: a short definition is said in few ways. */
const MIN_WORDS_FOR_REORDERED_COPY = 12;
/** Share of the words, function words and repeats included, both texts must have in common. */
const REORDERED_OVERLAP = 0.9;

/**
 * A model answer with its words put in another order ("positive, of so the negatives. are model the
 * TP/(TP+FP): ..."): the same words, each as often, function words included. A paraphrase, however
 * close, says "the" and "of" a different number of times and brings words of its own; this catches the
 * reorderings vocabularyCopy cannot, those of a model answer too short in content words for it.
 */
export function reorderedCopy(index: CopyIndex, paragraph: string, skip: ReadonlySet<number>): boolean {
  const own = words(paragraph);
  if (own.length < MIN_WORDS_FOR_REORDERED_COPY) return false;
  const bag = bagOf(own);
  return index.bags.some((source, id) => {
    if (skip.has(id)) return false;
    let size = 0;
    let shared = 0;
    for (const [w, n] of source) {
      size += n;
      shared += Math.min(n, bag.get(w) ?? 0);
    }
    return shared >= REORDERED_OVERLAP * own.length && shared >= REORDERED_OVERLAP * size;
  });
}
