import type { Analysis, Token } from "./analyse.js";

/** Closed-class words: what a sentence template keeps fixed while its slots change. */
const FIXED_POS = new Set(["ADP", "CCONJ", "SCONJ", "PART", "PRON", "AUX"]);
/** Closed-class adverbs the tagger reads as ADV ("so that", "then"): part of a template's fixed words too. */
const FIXED_ADVERBS = new Set(["so", "then", "also", "not", "too", "there", "here", "when", "where", "how", "why", "very"]);
/** Punctuation that shapes a sentence (clause breaks, a bracketed tag such as "(case 4)" or "[#7]"). */
const SHAPING = /[,;:()[\]#|]/g;
/**
 * A line's own label is no part of its template: "Step 3:", "3.", "(3)", "- ", "Case 2 -", "Release gate:",
 * "Secondly,".
 * Honest steps, cases and notes are labelled; what follows the label is what each says.
 */
const LABEL =
  /^\s*(?:[-*•]\s+|\(?\d+[.)]\s+|[A-Za-z]+\s+\d+\s*[:.)–-]\s*|[A-Za-z][\w/&'-]*(?:\s+[\w/&'-]+){0,3}:\s+|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|then|next|finally|lastly|also)(?:ly)?\s*[,:]\s*)/i;
/** Skeletons this long may differ in one element (a slot's phrase brings "within", the tagger reads a verb as a noun). */
const MIN_NEAR = 6;
/** Shorter skeletons must be equal, and under this length one says too little to be a template ("N to N"). */
const MIN_EXACT = 3;
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
 * included, no sentence has two mates (docs/grading-history.md, "Gaming and injections"). Mates are found through shared keys, so the work
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
    const phrasal: string[] = [];
    tokens.forEach((t, k) => {
      const element = elementOf(t, named(t) || /\d/.test(t.word));
      if (element) {
        // A slot is one element however many words fill it.
        if (!(SLOTS.has(element) && typed[typed.length - 1] === element)) typed.push(element);
        const mark = SLOTS.has(element) ? "_" : element;
        if (!(mark === "_" && flat[flat.length - 1] === "_")) flat.push(mark);
        const phrase = SLOTS.has(element) || t.pos === "ADP" ? "_" : element;
        if (!(phrase === "_" && phrasal[phrasal.length - 1] === "_")) phrasal.push(phrase);
      }
      const end = t.at + t.word.length;
      const next = tokens[k + 1]?.at ?? s.end;
      // Most words are followed by one space: only a longer gap may hold punctuation.
      if (next - end > 1 || (next - end === 1 && a.text[end] !== " ")) {
        for (const m of a.text.slice(end, next).match(SHAPING) ?? []) {
          typed.push(m);
          flat.push(m);
          phrasal.push(m);
        }
      }
    });
    skeletons.push({ sentence: i, readings: [typed, flat, phrasal] });
  });
  // Per reading, equal skeletons share one key; near mates are found between distinct keys of lengths at most
  // one apart. A 20,000-character answer holds at most a few hundred distinct skeletons of MIN_NEAR elements.
  const mates = skeletons.map(() => new Set<number>());
  const parent = skeletons.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const join = (i: number, j: number) => {
    const [ri, rj] = [root(i), root(j)];
    parent[Math.max(ri, rj)] = Math.min(ri, rj);
  };
  // Every member of `from` is a mate of every member of `to`; a sentence's first MATES mates are enough to
  // call it templated, so no more are looked for.
  const befriend = (from: number[], to: number[]) => {
    for (const i of from) {
      for (const j of to) {
        if (mates[i]!.size >= MATES) break;
        if (j !== i) mates[i]!.add(j);
      }
    }
  };
  for (const r of [0, 1, 2]) {
    const byKey = new Map<string, { elements: string[]; members: number[] }>();
    skeletons.forEach(({ readings }, i) => {
      const elements = readings[r]!;
      if (elements.length < MIN_EXACT) return;
      const key = elements.join(" ");
      const known = byKey.get(key);
      if (known) known.members.push(i);
      else byKey.set(key, { elements, members: [i] });
    });
    const distinct = [...byKey.values()];
    for (const { members } of distinct) {
      befriend(members, members.slice(0, MATES + 1));
      for (const i of members) join(members[0]!, i);
    }
    const long = distinct.filter((d) => d.elements.length >= MIN_NEAR).sort((x, y) => x.elements.length - y.elements.length);
    for (let x = 0; x < long.length; x++) {
      for (let y = x + 1; y < long.length && long[y]!.elements.length - long[x]!.elements.length <= 1; y++) {
        if (!withinOneEdit(long[x]!.elements, long[y]!.elements)) continue;
        befriend(long[x]!.members, long[y]!.members);
        befriend(long[y]!.members, long[x]!.members);
        join(long[x]!.members[0]!, long[y]!.members[0]!);
      }
    }
  }
  const templated = skeletons.map((_, i) => i).filter((i) => mates[i]!.size >= MATES);
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

/** Whether two sequences are equal but for one insertion, deletion or substitution. */
export function withinOneEdit(a: readonly string[], b: readonly string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  // What is left between the common prefix and the common suffix is at most one element on each side.
  return a.length - i - j <= 1 && b.length - i - j <= 1;
}
