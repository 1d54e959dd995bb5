import type { Analysis, Token } from "./analyse.js";

/** Closed-class words: what a sentence template keeps fixed while its slots change. */
const FIXED_POS = new Set(["ADP", "CCONJ", "SCONJ", "PART", "PRON", "AUX"]);
/** Closed-class adverbs the tagger reads as ADV ("so that", "then"): part of a template's fixed words too. */
const FIXED_ADVERBS = new Set(["so", "then", "also", "not", "too", "there", "here", "when", "where", "how", "why", "very"]);
/** Punctuation that shapes a sentence (clause breaks, a bracketed tag such as "(case 4)" or "[#7]"). */
const SHAPING = /[,;:()[\]#|]/g;
/**
 * A line's own label is no part of its template: "Step 3:", "3.", "(3)", "- ", "Case 2 -". Honest steps and
 * cases are numbered; what follows the label is what each says.
 */
const LABEL = /^\s*(?:[-*•]\s+|\(?\d+[.)]\s+|[A-Za-z]+\s+\d+\s*[:.)–-]\s*)/;
/** Skeletons this long may differ in one element (a slot's phrase brings "within", the tagger reads a verb as a noun). */
const MIN_NEAR = 6;
/** Shorter skeletons must be equal, and under this length one says too little to be a template ("N to N"). */
const MIN_EXACT = 4;
/** A sentence with this many mates is one of three or more fillings of one template. */
const MATES = 2;

export type SentenceTemplates = {
  /** The term-bearing sentences (indices into the analysis) that fill a template shared with two or more others. */
  templated: number[];
  /** For each templated sentence, the first sentence of its template (mates of mates share one). */
  groupOf: Map<number, number>;
  /** How many sentences name a term at all. */
  termSentences: number;
};

/**
 * Sentences made by filling one template with different terms: "A guardrail filters cost per resolved
 * conversation to catch regressions early (case 4). The reranker batches the eval set to keep p95 latency
 * low (case 7)." Each is grammatical; together they are a frame repeated over the question's words.
 *
 * A sentence's skeleton is what a template keeps fixed, in order: its closed-class words (prepositions,
 * conjunctions, pronouns, auxiliaries, "to", "so", "then"), shaping punctuation, and a mark for each slot
 * between them. A slot is one mark however many words fill it ("the eval set", "cost per resolved
 * conversation": the question's multi-word terms bring no "per" of their own); figures ("case 4", "p95")
 * fill slots; articles are left out (a template writes "a" or "the" as its slot needs), and so is a
 * line's label ("Step 3:"). Two readings of the slots: typed (a verb "V", anything else "N", so
 * "N V N to V N" is the bare subject-verb-object-purpose frame) and flat (any run of content words one
 * slot, so a verb the tagger reads as a noun does not hide the frame). Two sentences are mates, in either
 * reading, when their skeletons are equal at MIN_EXACT elements or more, or differ in one element at
 * MIN_NEAR or more. Only sentences naming a question term count; one with two or more mates is templated.
 *
 * Honest answers repeat a structure too ("Step 1: we split ... Step 2: we embed ..."), but each step's own
 * content brings its own glue: in the repo's 480 honest answers, numbered steps and tables of cases
 * included, no sentence has two mates (docs/grading.md). Mates are found through shared keys, so the work
 * is linear in the sentences times their skeletons' length.
 */
export function sentenceTemplates(a: Analysis, isTerm: (word: string) => boolean, inTerm: (at: number) => boolean): SentenceTemplates {
  const named = (t: Token) => isTerm(t.word) || isTerm(t.lemma) || inTerm(t.at);
  const skeletons: { sentence: number; readings: string[][] }[] = [];
  a.sentences.forEach((s, i) => {
    const label = LABEL.exec(s.text);
    const tokens = a.tokens.slice(s.from, s.to).filter((t) => !label || t.at >= s.start + label[0].length);
    if (!tokens.some(named)) return;
    const typed: string[] = [];
    const flat: string[] = [];
    tokens.forEach((t, k) => {
      const element = elementOf(t, named(t) || /\d/.test(t.word));
      if (element) {
        // A slot is one element however many words fill it.
        if (!(SLOTS.has(element) && typed[typed.length - 1] === element)) typed.push(element);
        const mark = SLOTS.has(element) ? "_" : element;
        if (!(mark === "_" && flat[flat.length - 1] === "_")) flat.push(mark);
      }
      const next = tokens[k + 1];
      const gap = a.text.slice(t.at + t.word.length, next ? next.at : s.end);
      for (const m of gap.match(SHAPING) ?? []) {
        typed.push(m);
        flat.push(m);
      }
    });
    skeletons.push({ sentence: i, readings: [typed, flat] });
  });
  // Keys per reading: the skeleton itself ("="), with one element blanked ("~", a substitution), with one
  // element dropped ("-", matched against a shorter mate's own skeleton, ">").
  const buckets = new Map<string, number[]>();
  const put = (key: string, i: number) => {
    const b = buckets.get(key);
    if (b) b.push(i);
    else buckets.set(key, [i]);
  };
  const blanked = (xs: string[]) => xs.map((_, k) => [...xs.slice(0, k), "\u0000", ...xs.slice(k + 1)].join(" "));
  const dropped = (xs: string[]) => xs.map((_, k) => [...xs.slice(0, k), ...xs.slice(k + 1)].join(" "));
  const keysOf = (xs: string[], r: number) => {
    const key = xs.join(" ");
    return {
      own: [
        ...(xs.length >= MIN_EXACT ? [`${r}=${key}`] : []),
        ...(xs.length >= MIN_NEAR ? [`${r}>${key}`, ...blanked(xs).map((v) => `${r}~${v}`)] : []),
        ...(xs.length > MIN_NEAR ? dropped(xs).map((v) => `${r}-${v}`) : []),
      ],
      // Equal, one substitution, one element more (a longer mate dropped it), one element less.
      lookups: [
        ...(xs.length >= MIN_EXACT ? [`${r}=${key}`] : []),
        ...(xs.length >= MIN_NEAR ? [...blanked(xs).map((v) => `${r}~${v}`), `${r}-${key}`] : []),
        ...(xs.length > MIN_NEAR ? dropped(xs).map((v) => `${r}>${v}`) : []),
      ],
    };
  };
  const keys = skeletons.map((s) => s.readings.map(keysOf));
  keys.forEach((readings, i) => readings.forEach((k) => k.own.forEach((key) => put(key, i))));
  // Enough mates to call a sentence templated are found in a bucket's first few members.
  const templated: number[] = [];
  keys.forEach((readings, i) => {
    const seen = new Set<number>();
    for (const key of readings.flatMap((k) => k.lookups)) {
      for (const j of (buckets.get(key) ?? []).slice(0, MATES + 1)) if (j !== i) seen.add(j);
      if (seen.size >= MATES) break;
    }
    if (seen.size >= MATES) templated.push(i);
  });
  // Mates of mates fill one template: each group is named by its first sentence. A bucket's members are
  // mates of one another ("=", "~"), or of the shorter skeleton one element away ("-" against ">").
  const parent = skeletons.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const join = (i: number, j: number) => {
    const [ri, rj] = [root(i), root(j)];
    parent[Math.max(ri, rj)] = Math.min(ri, rj);
  };
  const isTemplated = new Set(templated);
  for (const [key, members] of buckets) {
    const own = members.filter((i) => isTemplated.has(i));
    if (!own.length) continue;
    const kind = key[1];
    if (kind === "=" || kind === "~") own.forEach((i) => join(own[0]!, i));
    else if (kind === "-")
      for (const j of buckets.get(`${key[0]}>${key.slice(2)}`) ?? []) if (isTemplated.has(j)) own.forEach((i) => join(j, i));
  }
  return {
    templated: templated.map((i) => skeletons[i]!.sentence),
    groupOf: new Map(templated.map((i) => [skeletons[i]!.sentence, skeletons[root(i)]!.sentence])),
    termSentences: skeletons.length,
  };
}

const SLOTS = new Set(["N", "V"]);
/**
 * A word's place in a skeleton: an article none, a closed-class word itself, a verb "V", anything else
 * (a noun phrase's words, a term, a figure) "N".
 */
function elementOf(t: Token, slot: boolean): string | null {
  if (t.pos === "DET") return null;
  if (slot) return "N";
  if (FIXED_POS.has(t.pos) || FIXED_ADVERBS.has(t.word)) return t.lemma;
  return t.pos === "VERB" ? "V" : "N";
}
