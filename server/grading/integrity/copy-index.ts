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
  /** a content word's same-length misspellings' key (see slipKeys) -> ids of the sources using it */
  slips: Map<string, number[]>;
  /** distinct content words of each source */
  vocabularies: string[][];
  /** every word of each source with its count, function words included (see reorderedCopy) */
  bags: Map<string, number>[];
  /** each source's number of words (its bag's counts summed): reorderedCopy compares only sources of a size near the text's */
  bagSizes: number[];
  sources: string[];
};

const STOP = new Set(
  "a an the to of and or in on for with by as at is are be was were been being it its this that these those we i you they our my your their then so if but not no from into than which when what who how do does did have has had will would can could should may might must there here also just very more most less some any all each such only own same other about over under out up down".split(
    " ",
  ),
);

/**
 * The words of a text as matched. One paragraph is read by four copy tests and the rubric test in turn, each
 * starting from its words (forMatching folds every character): the last few texts' words are kept. Callers
 * never change the list.
 */
export function words(s: string): readonly string[] {
  let known = recentWords.get(s);
  if (!known) {
    known = forMatching(s).match(/[\p{L}\p{N}]+/gu) ?? [];
    if (recentWords.size >= RECENT_TEXTS) recentWords.delete(recentWords.keys().next().value!);
    recentWords.set(s, known);
  }
  return known;
}
const recentWords = new Map<string, string[]>();
const RECENT_TEXTS = 8;
/** A word that carries content: not a function word, longer than two letters. */
export const isContentWord = (w: string): boolean => w.length > 2 && !STOP.has(w);
export const contentWords = (s: string): string[] => words(s).filter(isContentWord);

function shingles(w: readonly string[], run: number): Set<string> {
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
  const index: CopyIndex = {
    runs: new Map(),
    runCounts: new Map(),
    words: new Map(),
    slips: new Map(),
    vocabularies: [],
    bags: [],
    bagSizes: [],
    sources,
  };
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
    index.bagSizes.push(w.length);
    const distinct = new Set(contentWords(text));
    index.vocabularies.push([...distinct]);
    for (const word of distinct) {
      push(index.words, word, id);
      for (const key of slipKeys(word)) push(index.slips, key, id);
    }
  });
  return index;
}

/** Words shorter than this are never read as a slip of another: "cost" and "coat" are two words. */
const MIN_SLIP_LENGTH = 5;
const MAX_SLIP_LENGTH = 24;

/**
 * Keys two words of the same length share when one is the other with one letter changed or two letters
 * swapped ("reqiure", "requore" for "require"): the word with one letter left out, after the first.
 * Endings differ in length ("cost", "costs"), so inflections are never slips of each other.
 */
function slipKeys(word: string): string[] {
  if (word.length < MIN_SLIP_LENGTH || word.length > MAX_SLIP_LENGTH || /\d/.test(word)) return [];
  const keys: string[] = [];
  for (let i = 1; i < word.length; i++) keys.push(`${word.length}:${word.slice(0, i)}${word.slice(i + 1)}`);
  return keys;
}

/**
 * The sources using a word, or, for a word none uses, the sources it was made from by a slip (see slipKeys),
 * by dropping a contraction's apostrophe ("dont" for "don't") or by gluing two of one source's words
 * together ("titlelaptop" from `title="Laptop"`).
 */
function sourcesUsing(index: CopyIndex, word: string): number[] {
  const exact = index.words.get(word);
  if (exact) return exact;
  const ids = new Set<number>();
  if (word.endsWith("nt")) for (const id of index.words.get(word.slice(0, -1)) ?? []) ids.add(id);
  for (const key of slipKeys(word)) for (const id of index.slips.get(key) ?? []) ids.add(id);
  if (word.length >= 6 && word.length <= MAX_SLIP_LENGTH && !/\d/.test(word))
    for (let i = 3; i <= word.length - 3; i++) {
      const second = index.words.get(word.slice(i));
      if (second) for (const id of index.words.get(word.slice(0, i)) ?? []) if (second.includes(id)) ids.add(id);
    }
  return [...ids];
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
/** Distinct words of its own choosing (see vocabularyCopy) below which a text is never a reworded copy. */
const MIN_CHOSEN_WORDS = 10;

/**
 * Units of measure a figure is given in: an estimate's "usd", "tokens" and "month" are its figures' words,
 * not a choice of wording.
 */
const UNITS = new Set(
  "usd eur gbp dollars dollar cents cent per day days daily month months monthly mo week weeks weekly year years yearly hour hours hourly min mins minute minutes sec secs second seconds ms tokens token tok kb mb gb tb qps rps rpm tpm times percent".split(
    " ",
  ),
);

/**
 * Words every right answer shares with a model answer, whoever wrote it: figures (given or derived: "108m",
 * "1,980"), their units, and the words the question itself uses or the rubric's terms name (`given`). Their
 * share says nothing of copying; the rest of a text's vocabulary, its own choice of words, does.
 */
const chosen = (w: string, given: (word: string) => boolean) => !/\d/.test(w) && !UNITS.has(w) && !given(w);

/**
 * A reworded, shuffled or lightly edited copy: nearly every word the paragraph chose comes from one source,
 * and together they cover most of the words that source chose. Figures, units and the question's own words
 * and rubric terms (`given`) count on neither side: a correct cost estimate repeats a model answer's figures
 * and a correct note names the rubric's points ("Luhn", "Presidio"), and neither is a copy; rubric terms mixed
 * into a model answer's words hide nothing either, since the rest is still the model answer's.
 */
export function vocabularyCopy(
  index: CopyIndex,
  paragraph: string,
  skip: ReadonlySet<number>,
  given: (word: string) => boolean = () => false,
): { id: number; containment: number; coverage: number } | null {
  const all = new Set(contentWords(paragraph));
  // A paraphrase of a one- or two-sentence definition reuses most of its words by nature ("A stack is LIFO:
  // the last element added is the first removed"); only a longer text made of a model answer's words is a copy.
  if (all.size < MIN_WORDS_FOR_VOCABULARY_COPY) return null;
  const own = [...all].filter((w) => chosen(w, given));
  if (own.length < MIN_CHOSEN_WORDS) return null;
  const counts = new Map<number, number>();
  for (const w of own) for (const id of sourcesUsing(index, w)) if (!skip.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best: { id: number; containment: number; coverage: number } | null = null;
  for (const [id, c] of counts) {
    const containment = c / own.length;
    if (containment < 0.85) continue;
    const coverage = c / Math.max(1, index.vocabularies[id]!.filter((w) => chosen(w, given)).length);
    if (coverage >= 0.5 && (!best || containment + coverage > best.containment + best.coverage)) best = { id, containment, coverage };
  }
  return best;
}

const bagOf = (w: readonly string[]) => {
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
    // The words shared are at most either text's count: a source too long or too short for the overlap asked of
    // both is no reordering of this text, and its bag is not walked (a pack has hundreds of model answers).
    const size = index.bagSizes[id]!;
    if (size < REORDERED_OVERLAP * own.length || REORDERED_OVERLAP * size > own.length) return false;
    const shared = sharedCount(source, bag);
    return shared >= REORDERED_OVERLAP * own.length && shared >= REORDERED_OVERLAP * size;
  });
}

/**
 * The words two bags share, counted as often as both say them. Whole numbers, so the sum is the same whichever
 * bag is walked: the smaller one is, without an entry array per word (a model answer has a few hundred words).
 */
function sharedCount(a: Map<string, number>, b: Map<string, number>): number {
  const small = a.size <= b.size;
  const walked = small ? a : b;
  const other = small ? b : a;
  let shared = 0;
  walked.forEach((n, w) => {
    const m = other.get(w);
    if (m !== undefined) shared += Math.min(n, m);
  });
  return shared;
}

/** Words of its own choosing a sentence needs before it can be told from a copy's (see ownSentences). */
const MIN_SENTENCE_CHOSEN_WORDS = 3;
/** Share of a sentence's chosen words from one source below which it is the candidate's own. */
const OWN_SENTENCE_SHARE = 0.5;

/**
 * The sentences of a paragraph set aside as a copy that the candidate wrote: none of their 5-word runs, or
 * under half, come from a source, and under half of the words they chose do. Not the 85% a whole paragraph
 * is held to (vocabularyCopy): a sentence is short, and a lightly edited copy's sentence (a synonym or two
 * swapped in) falls under 85% while still being the model answer's, so the copy would keep itself. A copied
 * model answer in the middle of a paragraph goes, the candidate's own sentences around it stay; a sentence
 * with too few words of its own choosing to tell ("It is worth being careful here.") goes with the copy.
 * Returns "" when no sentence is the candidate's.
 */
export function ownSentences(index: CopyIndex, paragraph: string, skip: ReadonlySet<number>, given: (word: string) => boolean): string {
  const sentences = paragraph.split(/(?<=[.!?])\s+|\n+/).filter((x) => x.trim());
  if (sentences.length < 2) return "";
  return sentences
    .filter((sentence) => {
      const run = sharedRunShare(index, sentence, 5, skip);
      if (run.share >= 0.5) return false;
      const own = [...new Set(contentWords(sentence))].filter((w) => chosen(w, given));
      if (own.length < MIN_SENTENCE_CHOSEN_WORDS) return false;
      const from = new Map<number, number>();
      for (const w of own) for (const id of sourcesUsing(index, w)) if (!skip.has(id)) from.set(id, (from.get(id) ?? 0) + 1);
      const most = Math.max(0, ...from.values());
      return most < OWN_SENTENCE_SHARE * own.length;
    })
    .join(" ");
}
