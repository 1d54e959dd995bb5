import { nlp } from "./nlp.js";

/** One word of an answer as the grader reads it. */
export type Token = {
  /** Lower-case surface form. */
  word: string;
  /** Dictionary form ("children" -> "child", "retried" -> "retry"). */
  lemma: string;
  /** Universal part of speech (NOUN, VERB, AUX, ...). */
  pos: string;
  /** Character offset in the analysed text. */
  at: number;
  /** Index of the sentence the token belongs to. */
  sentence: number;
};

export type Sentence = { start: number; end: number; text: string; from: number; to: number };

export type Analysis = { text: string; tokens: Token[]; sentences: Sentence[] };

const cache = new Map<string, Analysis>();
const CACHE_LIMIT = 256;

/**
 * Tokens with lemmas and parts of speech, and the sentences they fall in.
 * Results are memoised by text: the same answer is read by several criteria.
 */
export function analyse(text: string): Analysis {
  const hit = cache.get(text);
  if (hit) return hit;
  const read = analyseOnce(text);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(text, read);
  return read;
}

/**
 * The reading of a pack's own short text (a key point's term or label), kept apart from the answers' readings:
 * every answer reads the question's terms again, and one answer's sentences and paragraphs (hundreds of texts)
 * pushed them out of the shared cache, so each answer analysed the same terms anew. Keyed by the text itself,
 * so an edited pack's new wording is read afresh.
 */
export function analyseTerm(text: string): Analysis {
  const hit = termCache.get(text);
  if (hit) return hit;
  const read = analyseOnce(text);
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(text, read);
  return read;
}
const termCache = new Map<string, Analysis>();
/** Far more than one pack's terms and labels (the public sets' authored packs have thousands). */
const TERM_CACHE_LIMIT = 20_000;

/** The same reading, not kept: for a text read once (a dictionary definition), which would push answers out. */
export function analyseOnce(text: string): Analysis {
  const engine = nlp();
  const its = engine.its;
  const readable = breakLongRuns(text);
  const doc = engine.readDoc(readable);
  // Each property of every token in one call per property, and the sentences as token spans: wink's item per
  // token and per sentence (each a handful of closures), asked four times per token, cost a third of a reading.
  // The same values in the same order as reading token by token within each sentence.
  const all = doc.tokens();
  const surfaces = all.out() as string[];
  const types = all.out(its.type) as string[];
  const lemmas = all.out(its.lemma as never) as unknown[];
  const tags = all.out(its.pos) as unknown[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let cursor = 0;
  let from = 0;
  // The next line break at or after the cursor (-1: none left), so a token's gap is searched once, not sliced.
  let newline = readable.indexOf("\n");
  // A line break also ends a sentence: list items and headings stand alone.
  const close = (end: number) => {
    if (tokens.length === from) return;
    const start = tokens[from]!.at;
    sentences.push({ start, end, text: text.slice(start, end), from, to: tokens.length });
    from = tokens.length;
  };
  for (const [first, last] of spans) {
    for (let i = first; i <= last; i++) {
      const surface = surfaces[i]!;
      const found = readable.indexOf(surface, cursor);
      const at = found >= 0 ? found : cursor;
      if (newline >= 0 && newline < cursor) newline = readable.indexOf("\n", cursor);
      if (newline >= 0 && newline < at) close(cursor);
      if (found >= 0) cursor = found + surface.length;
      const type = types[i];
      if (type === "tabCRLF" || type === "punctuation") continue;
      tokens.push({
        word: surface.toLowerCase(),
        lemma: String(lemmas[i]).toLowerCase(),
        pos: String(tags[i]),
        at,
        sentence: sentences.length,
      });
    }
    close(cursor);
  }
  return { text, tokens, sentences };
}

/** No word is this long: a longer run without spaces is pasted data (base64, a hash, "aaaa…"). */
const LONGEST_WORD = 48;
const LONG_RUN = new RegExp(`\\S{${LONGEST_WORD + 1},}`, "g");

/**
 * The text with a space put in every LONGEST_WORD characters of an unbroken run, same
 * length so offsets still point into the answer. The tokenizer's pattern tests (e-mail
 * addresses, abbreviations) take time quadratic in a token's length: a 20,000-character
 * run took 0.7 s to read, long enough to hold up every other session on the process.
 */
export function breakLongRuns(text: string): string {
  return text.replace(LONG_RUN, (run) => run.replace(new RegExp(`(.{${LONGEST_WORD - 1}}).`, "gs"), "$1 "));
}
