import { isKnownWord } from "./known-word.js";
import { textMemo } from "./text-memo.js";

const ENGLISH = new Set(
  "the a an of and to in into is are be for with that this it its on as we i you by from or not at which would will has have was were can each every their they these those when if then than but only also".split(
    " ",
  ),
);
/**
 * Function words of other languages the grader may meet (French, German, Spanish, Italian, Portuguese, Dutch,
 * Polish). Not "per": English writes it as often ("$0.004 per request", "tokens per second"); nor words English
 * spells the same ("met", "we", "on", "do", "to", "po" as a purchase order).
 * German's articles and prepositions beyond the first few ("den", "nach", "bei") and Dutch's ("ik", "bij", "zodat")
 * once went uncounted, and so did Polish: such answers were read as English and scored 0 or flagged as keyword lists.
 */
const OTHER = new Set(
  [
    "le la les des du de et un une je nous pour avec est sont dans par que qui",
    "der die das und ist nicht mit für ein eine ich wir den dem des auf nach bei zu sind wird werden oder auch einen einem vom zum im",
    "el los las y para con es son por una yo del al cada después",
    "il di che sono della gli nel alla sul ogni dopo",
    "em os não com uma eu ao cada depois",
    "het een en van voor zijn niet ik wij bij zodat elk daarna wordt naar",
    "się jest nie że oraz przez dla są też żeby gdy więc jak na w z ze",
  ]
    .join(" ")
    .split(" "),
);
/** Another language shows in this many different function words of its own: one repeated ("de", "en") is a name or a unit. */
const MIN_DISTINCT_OTHER = 2;
/**
 * Prose whose words are this share English words (the lexicon the tagger loads) is English, whatever
 * function words it lacks: a list of figures and labels ("p50 120 ms, throughput 3.2k req/s, uptime
 * 99.9%") has none of either language. Measured on one answer in each of the six languages above
 * (words of 3+ letters): 0.11-0.36 are English words (embeddings, articles, reranker); English
 * figure lists 0.88.
 */
const MIN_ENGLISH_WORD_SHARE = 0.6;

/**
 * Whether prose is written in another language than English: more of its
 * function words are another language's than English's, and no English
 * sentences carry a real part of it (an answer followed by its translation is
 * read in English). Such an answer is never a keyword list or an attack for
 * that reason; the grader, which reads English, says so instead of scoring it.
 */
export const otherLanguage: (text: string) => boolean = textMemo((text) => writtenInOther(text) && !fewSentencesOther(text));

/**
 * A minority of sentences in another language (a line added in the candidate's own language, a quoted
 * user query) leaves an answer English: it is graded on its English, the other sentences earning nothing.
 * Read only when the whole reads as another language, so on few answers; each sentence is read once.
 */
function fewSentencesOther(text: string): boolean {
  const parts = text.split(/(?<=[.!?。！？])\s*|\n+/).filter((p) => (p.match(/\p{L}+/gu) ?? []).length >= 3 || SYLLABIC.test(p));
  if (parts.length < 3) return false;
  // Only parts that show their language count: a short bullet of nouns ("Hybride Suche: BM25 plus Embeddings")
  // shows none, and once counted as English it outvoted a German answer written as a list.
  let other = 0;
  let english = 0;
  for (const part of parts) {
    if (writtenInOther(part)) other++;
    else if (LABELLED_NOTE.test(part) ? mostlyEnglishWords(wordsOf(part)) : readsEnglish(part)) english++;
  }
  return other < english;
}

/**
 * A labelled note ("- Übergabe: an Menschen bei Unsicherheit", "Suche: hybride Suche, Vektorsuche") drops the
 * function words a language shows in: one left ("an", "in", "so" are English words too) tells nothing. Its
 * language is its label's and items' words: it reads English when most of them are English words.
 */
const LABELLED_NOTE = /^\s*(?:[-*•·]|\d+[.)])?\s*[\p{L}][\p{L}\p{N}' /-]{0,40}:\s*\S/u;

/** A part that shows it is English: an English function word outweighing the other languages', or mostly English words. */
function readsEnglish(part: string): boolean {
  const words = wordsOf(part);
  const { en, other } = count(words);
  return (en >= 1 && en >= other) || mostlyEnglishWords(words);
}

function writtenInOther(text: string): boolean {
  if (otherScript(text)) return true;
  const words = wordsOf(text);
  if (words.length < 6) return false;
  const { en, other, distinctOther } = count(words);
  if (!(other >= 3 && distinctOther >= MIN_DISTINCT_OTHER && other > 2 * en)) return false;
  if (mostlyEnglishWords(words)) return false;
  const english = text
    .split(/(?<=[.!?])\s+|\n+/)
    .map(wordsOf)
    .filter((w) => {
      const c = count(w);
      return c.en >= 1 && c.en >= c.other;
    })
    .reduce((n, w) => n + w.length, 0);
  return english * 10 < words.length * 3;
}

/**
 * Scripts whose one character stands for a syllable or a word, not a letter: a Chinese
 * sentence is a few dozen characters and no spaces, so they weigh more than Latin letters.
 */
const SYLLABIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

/**
 * Whether most of the text is written in a script other than Latin (Chinese, Japanese,
 * Korean, Cyrillic, Arabic, Greek, Devanagari ...). Latin technical terms inside it ("RAG",
 * "JSON schema") do not make it English; a Greek letter or a quoted phrase inside English
 * prose does not make it foreign. Counted in one pass, ASCII without a regex: "other" is the
 * letters outside Latin, a syllabic character weighing three, less the Latin characters that
 * are no letters (a Roman numeral).
 */
function otherScript(text: string): boolean {
  let latin = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const lower = code | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) latin++;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    i += ch.length - 1;
    const letter = LETTER.test(ch);
    if (LATIN.test(ch)) {
      latin++;
      if (!letter) other--;
    } else if (SYLLABIC.test(ch)) other += letter ? 3 : 2;
    else if (letter) other++;
  }
  return other >= 12 && other > latin;
}

/** A token that holds a digit is a figure ("3.2k", "p95", "$0.004/request", "eu-west-1"): no word of any language. */
const FIGURE = /\d/;
/** Letters joined to letters by a hyphen, slash, dot or underscore: a compound or an identifier ("es-cluster", "req/s"). */
const JOINED = /\p{L}[-/._]\p{L}/u;
/** A unit written after a figure ("120 ms", "2 GB", "5 per"): this short, and no function word ("BM25 con la ..."). */
const UNIT_LETTERS = 3;

/**
 * The words of a text its language is told by, lower-cased. Figures are no words; nor is a short unit
 * after one. A word inside a compound or identifier, or written in capitals (an acronym: "OS", "EU",
 * "ES"), is a word but no function word: it is marked with a leading "#" so no list matches it.
 * One pass over the text's whitespace-separated tokens.
 */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  let afterFigure = false;
  for (const token of text.split(/\s+/)) {
    if (!token) continue;
    if (FIGURE.test(token)) {
      afterFigure = true;
      continue;
    }
    const runs = token.match(/\p{L}+/gu) ?? [];
    const unit = afterFigure && runs.length === 1 && runs[0]!.length <= UNIT_LETTERS && !functionWord(runs[0]!.toLowerCase());
    afterFigure = false;
    if (unit) continue;
    const bound = runs.length > 1 && JOINED.test(token);
    for (const run of runs) {
      const acronym = run.length >= 2 && run === run.toUpperCase() && run !== run.toLowerCase();
      // English writes its "I" capitalised; a lower-case "i" is Polish or Italian "and" and counts for neither side.
      words.push(bound || acronym ? `#${run.toLowerCase()}` : run === "i" ? "·i" : run.toLowerCase());
    }
  }
  return words;
}

const functionWord = (w: string) => ENGLISH.has(w) || OTHER.has(w);

/** Whether most of the words of three or more letters are English words (a lexicon lookup per distinct word). */
function mostlyEnglishWords(words: string[]): boolean {
  const long = words.map((w) => w.replace(/^#/, "")).filter((w) => w.length >= 3);
  if (long.length === 0) return false;
  const known = long.filter((w) => !OTHER.has(w) && isKnownWord(w)).length;
  return known >= MIN_ENGLISH_WORD_SHARE * long.length;
}

function count(words: string[]): { en: number; other: number; distinctOther: number } {
  let en = 0;
  let other = 0;
  const seen = new Set<string>();
  for (const w of words) {
    if (ENGLISH.has(w)) en++;
    else if (OTHER.has(w)) {
      other++;
      seen.add(w);
    }
  }
  return { en, other, distinctOther: seen.size };
}
