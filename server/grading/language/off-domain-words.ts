import type { Question } from "../../scenarios/index.js";
import { analyse, type Token } from "./analyse.js";
import { domainWords } from "./domain-words.js";
import { isKnownWord } from "./known-word.js";
import { labelWords } from "./line-labels.js";
import { isTypoOf } from "./typo.js";
import { questionVocabulary } from "./on-topic.js";
import { questionTerms } from "./question-terms.js";
import type { Idf } from "./similarity.js";
import { wordFamily } from "./word-family.js";
import { specificWords } from "./unspecific.js";
import { sensesOf } from "./wordnet.js";

/**
 * Gibberish dressed in the rubric's terms ("The retrieval quantum latches its embedding toward the purple reranker,
 * so chunking sings beside the eval harness.") and fluent templates ("We leverage X and Y to ensure robust Z") share
 * one trait an honest answer lacks: besides the rubric's own terms, their words are words the pack never uses. The
 * pack's texts (every prompt and model answer, and the question's rubric) are hundreds of answers about the domain;
 * an honest engineer's sentence around the terms is built from that domain's words ("store", "purge", "changes",
 * "per month"), while a salad's glue is poetry ("latches", "purple", "sings") or boardroom ("leverage", "ensure",
 * "robust"), words no model answer needed. Measured per paragraph over its sentences naming 2+ of the rubric's
 * words: most of them carry a word foreign to the pack, and the foreign words are many against the domain words
 * around them. Honest stories name campuses and printers too, in sentences thick with the domain's words (a foreign
 * word per sentence at most, among many known ones): they stay. Only words WordNet knows count as foreign (names,
 * codes, typos and other languages are someone else's business). A team's pack of seven questions names too few words
 * to call any foreign, so the domain's words at large (domain-words.ts: the built-in pack's) join every pack's own:
 * "leverage", "robust" and "marmalade" are foreign to both, "retry" and "batch" to neither.
 */
const CONTENT = new Set(["NOUN", "VERB", "ADJ", "ADV"]);
/** A sentence naming this many of the rubric's words is one the salad is built on. */
const TERMS_PER_SENTENCE = 2;
/** At least this share of those sentences carry a foreign word ... */
const FOREIGN_SENTENCES = [2, 3] as const;
/** ... at least this many foreign words in all (one more in a paragraph of one such sentence) ... */
const MIN_FOREIGN = 2;
/** ... and at least one foreign word per this many domain words beside the terms. */
const DOMAIN_PER_FOREIGN = 2;
/** Questions of two or more criteria only: the public one-criterion sets are read by their own references. */
const MIN_CRITERIA = 2;

/** The speaker is no specific thing: a template says "we leverage" as readily as "leverage". */
const SPEAKERS = new Set("i we you me us my our your".split(" "));
/**
 * Nor is the glue between a template's items: a discourse "so" or "then", a relative "where" or "what" ("a pipeline
 * where risk warnings are verified", "aligned on what good looks like"), a committing "each" or "every" ("every call
 * flows through"), "one" ("into one holistic strategy", "from day one") and a round-the-clock "24/7". Elsewhere they
 * can specify (unspecific.ts reads them so); beside a word the domain never uses they are the frame, not the claim.
 */
const FRAME = new Set("so then where what how when each every one 24/7".split(" "));
/** The light verbs ("do", "have", "be") are never a pack's features (similarity.ts) and never foreign. */
const LIGHT = new Set(["be", "have", "do", "will", "would", "can", "could", "should", "may", "might", "must"]);
/** A template states something specific in at most this share of its term sentences ... */
const CONCRETE_SHARE = 3;

/**
 * Whether a paragraph is the rubric's terms strung on words its domain never uses (see above): gibberish, where the
 * foreign words are many against the domain's; or a template, where a foreign word or two is the glue and no term
 * sentence (at most one in three) says anything specific (a figure, an order, a condition or reason, a thing of the
 * question's situation: unspecific.ts), the speaker aside. An honest sentence with a word from outside the pack
 * ("shoppers type exact model numbers") says something of its own.
 */
export function offDomainSalad(text: string, q: Question, idf: Idf | undefined): boolean {
  const c = offDomainCounts(text, q, idf);
  if (!c || c.sentences === 0) return false;
  const gibberish =
    c.foreignSentences * FOREIGN_SENTENCES[1] >= c.sentences * FOREIGN_SENTENCES[0] &&
    c.foreign >= MIN_FOREIGN + (c.sentences === 1 ? 1 : 0) &&
    c.foreign * DOMAIN_PER_FOREIGN >= c.domain;
  const template = c.concrete === 0 ? c.foreign >= 1 : c.concrete * CONCRETE_SHARE <= c.sentences && c.foreign >= MIN_FOREIGN;
  return gibberish || template;
}

/**
 * A paragraph whose lower-case words neither the English lexicon nor the pack and domain know, more than one in this
 * many, is in another language ("kosten pro request und feature messen": half of them).
 */
const ENGLISH_UNKNOWN = 3;
function inEnglish(tokens: readonly Token[], known: (w: string) => boolean): boolean {
  const words = tokens.filter((t) => /^\p{Ll}{3,}$/u.test(t.word));
  return words.filter((t) => !isKnownWord(t.word) && !known(t.word)).length * ENGLISH_UNKNOWN <= words.length;
}
/** Shorter words are too often an abbreviation or a unit ("gpus", "msec"). */
const MIN_MADE_UP = 5;
/**
 * Whether a token is a word no lexicon knows, as written (in lower case: a name is capitalised) and no slip for a
 * word of the pack or the domain (typo.ts).
 */
function madeUp(
  t: Token,
  text: string,
  known: (w: string) => boolean,
  idf: Idf,
  vocabulary: ReadonlySet<string>,
  atLarge: ReadonlySet<string>,
): boolean {
  if (t.word.length < MIN_MADE_UP || text.slice(t.at, t.at + t.word.length) !== t.word) return false;
  if (isKnownWord(t.word) || sensesOf(t.word).length > 0 || known(t.word.replace(/s$/, ""))) return false;
  return !slipsOf(idf, vocabulary, atLarge).slipFor(t.word);
}

/** Words remembered per question and pack before the memo starts afresh (answers bring new words without end). */
const SLIP_MEMO_LIMIT = 20_000;
type Slips = { slipFor: (word: string) => boolean };
const slips = new WeakMap<Idf, WeakMap<ReadonlySet<string>, Slips>>();
/**
 * Whether a word is a slip for one of the question's, the domain's or the pack's words (typo.ts), kept per pack
 * reading and question vocabulary. A slip keeps its first letter (isTypoOf), so the words are indexed by it once and
 * a token is compared with its letter's words only; each word's answer is remembered (the lexicon was scanned whole
 * per token, for every paragraph of every answer). The question's vocabulary and the domain's words never change
 * once read; a pack's reading is new per pack version.
 */
function slipsOf(idf: Idf, vocabulary: ReadonlySet<string>, atLarge: ReadonlySet<string>): Slips {
  let perQuestion = slips.get(idf);
  if (!perQuestion) slips.set(idf, (perQuestion = new WeakMap()));
  let known = perQuestion.get(vocabulary);
  if (!known) {
    const byLetter = new Map<string, string[]>();
    for (const words of [vocabulary, atLarge, idf.df.keys()])
      for (const w of words) {
        const list = byLetter.get(w[0]!);
        if (list) list.push(w);
        else byLetter.set(w[0]!, [w]);
      }
    const decided = new Map<string, boolean>();
    known = {
      slipFor: (word) => {
        let slip = decided.get(word);
        if (slip === undefined) {
          slip = (byLetter.get(word[0]!) ?? []).some((w) => isTypoOf(word, w));
          if (decided.size >= SLIP_MEMO_LIMIT) decided.clear();
          decided.set(word, slip);
        }
        return slip;
      },
    };
    perQuestion.set(vocabulary, known);
  }
  return known;
}

export type OffDomainCounts = {
  /** Sentences naming 2+ of the rubric's words, those of them with a foreign word, and those saying something specific. */
  sentences: number;
  foreignSentences: number;
  concrete: number;
  /** Foreign and domain words of those sentences (besides the rubric's), and the foreign words themselves. */
  foreign: number;
  domain: number;
  words: string[];
};

/** A paragraph's sentences naming the rubric's words, those of them with a foreign word, and its foreign and domain words. */
export function offDomainCounts(text: string, q: Question, idf: Idf | undefined): OffDomainCounts | null {
  if (!idf || q.rubric.length < MIN_CRITERIA) return null;
  const isTerm = questionTerms(q);
  const vocabulary = questionVocabulary(q);
  const atLarge = domainWords();
  const known = (w: string) => LIGHT.has(w) || idf.df.has(w) || idf.df.has(`not_${w}`) || vocabulary.has(w) || atLarge.has(w);
  const a = analyse(text);
  // A word WordNet knows is foreign when neither the pack nor the domain uses it or its family. Names, codes, typos
  // and other languages are read elsewhere; a word no lexicon knows, written in lower case and no slip for a known
  // one ("quorble", "flibbets"), is made up: as foreign as poetry, in a paragraph written in English (in a German
  // note with English terms mixed in, "kleines" and "messen" are words of another language, not made up).
  const english = inEnglish(a.tokens, known);
  const foreignWord = (t: Token) =>
    !known(t.lemma) &&
    !known(t.word) &&
    (sensesOf(t.lemma).length > 0 ? ![...wordFamily(t.lemma)].some(known) : english && madeUp(t, a.text, known, idf, vocabulary, atLarge));
  let sentences = 0;
  let foreignSentences = 0;
  let concrete = 0;
  let foreign = 0;
  let domain = 0;
  const words: string[] = [];
  for (const s of a.sentences) {
    const tokens = a.tokens.slice(s.from, s.to);
    const content = tokens.filter((t) => CONTENT.has(t.pos) && /^[a-z]{3,}$/.test(t.word));
    const own = content.filter((t) => !isTerm(t.word) && !isTerm(t.lemma));
    if (content.length - own.length < TERMS_PER_SENTENCE) continue;
    const alien = own.filter(foreignWord);
    sentences++;
    domain += own.length - alien.length;
    foreign += alien.length;
    words.push(...alien.map((t) => t.word));
    if (alien.length) foreignSentences++;
    // The words that label a line ("**Trust:**", "Action:") are a heading of the writer's, not a name in what is said
    // (line-labels.ts); read once per sentence, when a specific word is left to check.
    let labels: ReadonlySet<string> | undefined;
    if (specificWords(s.text, tokens, isTerm).some((w) => !SPEAKERS.has(w) && !FRAME.has(w) && !(labels ??= labelWords(s.text)).has(w)))
      concrete++;
  }
  return { sentences, foreignSentences, concrete, foreign, domain, words };
}
