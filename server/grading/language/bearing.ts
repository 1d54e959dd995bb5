import type { Question } from "../../scenarios/index.js";
import { analyse } from "./analyse.js";
import { questionVocabulary, toldInPast, topicalWeights } from "./on-topic.js";
import type { Idf } from "./similarity.js";

/**
 * How much of an answer bears on its question, sentence by sentence: what a human grader reads when an answer is
 * about something else, or when its right points are buried in digressions and repeats. A sentence bears on the
 * question when the question's own words (title, prompt, rubric, model answers; weighted by their idf in the pack, as
 * the paragraph gate reads them, on-topic.ts) make up at least `ON` of its content weight. A sentence of fewer than
 * `MIN_WORDS` content words ("Anyway.", "That is a lot of people.") is not judged either way: it is neither evidence
 * nor a digression. A sentence that bears on the question but says again what earlier sentences said (at most one
 * content word of its own, and most of its words already used) is a repeat.
 * In a story (a behavioural question), a sentence told in the past tense is the account the question asks for, whatever
 * its words, as the paragraph gate never sets a first-person account aside (on-topic.ts): an honest story names its own
 * team, tools, tickets and colleagues, which no rubric does (a third of the calibration stories' words read as off the
 * question, and five strong stories lost a level). What a story's teller muses in the present ("Cost is such an
 * important topic these days") is still read.
 */
const ON = 0.35;
const MIN_WORDS = 3;
/** A repeat adds at most this many content words no earlier sentence used ... */
const NEW_AT_MOST = 1;
/** ... and at least this share of its content words were used before. */
const SEEN_AT_LEAST = 0.75;

type SentenceBearing = { text: string; words: number; judged: boolean; on: boolean; repeat: boolean };
export type Bearing = {
  sentences: SentenceBearing[];
  /** Content words in judged sentences. */
  words: number;
  /** Content words in judged sentences that do not bear on the question. */
  offWords: number;
  /** Content words in sentences that repeat earlier ones. */
  repeatWords: number;
  /** What the sentences off the question are about: their most used nouns the question's texts never use. */
  offTopics: string[];
};

/** A sentence at least this share of whose characters are inside quotation marks cites an example. */
const QUOTED = 0.4;
/** Quotations of three or more characters: straight or curly double quotes, or single quotes that are no apostrophes. */
const QUOTATION = /"[^"\n]{3,}"|\u201c[^\u201d\n]{3,}\u201d|(?<![\w'])'[^'\n]{3,}'(?![\w'])/g;

/**
 * The share of a span [from, from + length) that lies inside the quotations (their character ranges, in order).
 * Sentences are read in order, so a cursor passes each quotation once rather than rescanning from the start.
 */
function quotedShares(quotes: readonly (readonly [number, number])[]): (from: number, length: number) => number {
  let first = 0;
  return (from, length) => {
    if (length <= 0) return 0;
    while (first < quotes.length && quotes[first]![1] <= from) first++;
    let inside = 0;
    for (let i = first; i < quotes.length; i++) {
      const [qs, qe] = quotes[i]!;
      if (qs >= from + length) break;
      const start = Math.max(from, qs);
      const end = Math.min(from + length, qe);
      if (end > start) inside += end - start;
    }
    return inside / length;
  };
}

/** How many of the off-question sentences' nouns the report names. */
const TOPICS_NAMED = 3;
const CONTENT = new Set(["NOUN", "PROPN", "VERB", "ADJ"]);

export function answerBearing(q: Question, prose: string, idf: Idf): Bearing {
  const story = q.kind === "behavioural";
  const a = analyse(prose);
  const weights = topicalWeights(q, a, idf);
  const seen = new Set<string>();
  const quotedShare = quotedShares([...prose.matchAll(QUOTATION)].map((m) => [m.index, m.index + m[0].length] as const));
  const sentences = a.sentences.map((s, i) => {
    const w = weights[i]!;
    const lemmas = new Set(
      a.tokens
        .slice(s.from, s.to)
        .filter((t) => CONTENT.has(t.pos) && /[a-z]{2}/.test(t.word))
        .map((t) => t.lemma),
    );
    // A sentence that is mostly a quotation cites an example (an attack a retrieved page might carry, what a user
    // typed): someone else's words, neither the candidate's evidence nor a digression (an honest answer quoting an
    // injection lost a level as rambling).
    const judged = w.words >= MIN_WORDS && w.all > 0 && quotedShare(a.tokens[s.from]?.at ?? 0, s.text.length) < QUOTED;
    const account = story && toldInPast(a.tokens.slice(s.from, s.to));
    const on = judged && (account || (w.on + w.domain) / w.all >= ON);
    const fresh = [...lemmas].filter((l) => !seen.has(l)).length;
    const repeat = on && lemmas.size > 0 && fresh <= NEW_AT_MOST && (lemmas.size - fresh) / lemmas.size >= SEEN_AT_LEAST;
    for (const l of lemmas) seen.add(l);
    return { text: s.text, words: w.words, judged, on, repeat };
  });
  const judged = sentences.filter((s) => s.judged);
  const vocab = questionVocabulary(q);
  const nouns = new Map<string, number>();
  a.sentences.forEach((s, i) => {
    if (!sentences[i]!.judged || sentences[i]!.on) return;
    for (const t of a.tokens.slice(s.from, s.to))
      if ((t.pos === "NOUN" || t.pos === "PROPN") && /^[a-z][a-z-]+$/.test(t.lemma) && !vocab.has(t.lemma) && !vocab.has(t.word))
        nouns.set(t.lemma, (nouns.get(t.lemma) ?? 0) + 1);
  });
  const offTopics = [...nouns]
    .sort((x, y) => y[1] - x[1])
    .slice(0, TOPICS_NAMED)
    .map(([w]) => w);
  return {
    offTopics,
    sentences,
    words: judged.reduce((n, s) => n + s.words, 0),
    offWords: judged.filter((s) => !s.on).reduce((n, s) => n + s.words, 0),
    repeatWords: judged.filter((s) => s.repeat).reduce((n, s) => n + s.words, 0),
  };
}
