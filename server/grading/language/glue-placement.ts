import type { Question } from "../../scenarios/index.js";
import { analyse } from "./analyse.js";
import { GLUE } from "./glue.js";

/**
 * Pairs of glue words English puts side by side, learnt from honest text: each follows its first
 * word at least 4% of the time in the repo's exemplars and hand-written answers (446 answers, 58k
 * words; `npx tsx scripts/eval/glue-pairs.ts` prints the table). "of the" (ADP DET 36%), "it is"
 * (PRON AUX 31%), "because the", "because it" (SCONJ DET, SCONJ PRON 30%), "and the" (CCONJ DET
 * 18%), "is the", "is not" (AUX DET 14%, AUX PART 12%), "and it", "in it", "it in", "and in",
 * "would be" (4-11%). Two glue words dropped side by side at random ("on by", "the is", "via a")
 * are mostly not among them.
 */
const GLUE_PAIRS = new Set([
  "ADP DET",
  "ADP PRON",
  "PRON AUX",
  "PRON ADP",
  "SCONJ DET",
  "SCONJ PRON",
  "CCONJ DET",
  "CCONJ PRON",
  "CCONJ ADP",
  "AUX DET",
  "AUX PART",
  "AUX AUX",
]);
/** Punctuation between two words is a phrase boundary: a glue word next to one opens or closes a phrase. */
const BOUNDARY = /[,;:()"–—-]/;
/** The share is read only over a paragraph with this many glue words: a note's few are too few to judge. */
const MIN_GLUE_WORDS = 20;
/**
 * English places its glue words in pairs and at phrase edges: "in the index", "it is a", "and the",
 * ", so we". Measured on paragraphs of 20+ glue words, the share of them that sit next to a glue
 * word they pair with (GLUE_PAIRS) or a boundary: honest text 0.18 at the lowest (the repo's
 * exemplars and hand-written answers 0.18, SAF student answers 0.21, Beetle 0.42, Powergrading
 * 0.48, an outside audit's answers 0.38); salads of a question's terms with a glue word dropped
 * between each pair ("vector search then cheaper the benchmark using up to date via thousand
 * examples is lora for ...") 0.00-0.13, whichever glue words they use.
 */
const MIN_PLACED_SHARE = 0.16;

/**
 * Whether a paragraph is content words strung on single glue words rather than English. A salad
 * can hold any share of rubric terms and any glue words ("then", "via", "of", "using", "is",
 * "the", ...), so neither a term count nor a list of connectives tells it apart; where the glue
 * sits does. A word inside one of the question's own multi-word terms ("time to first token",
 * "chunks of characters") is read as part of the term, not as glue.
 *
 * Why not a part-of-speech bigram likelihood over the whole sentence: the tagger picks the tags
 * that make a sequence likely, so a salad's tag bigrams are as plausible as prose's (it has fewer
 * rare bigrams than honest notes, measured); the isolation of its glue words is what the tagger
 * cannot smooth away.
 */
export function gluedSalad(paragraph: string, termPhrases: readonly string[] = []): boolean {
  const a = analyse(paragraph);
  const inTerm = termCover(paragraph.toLowerCase(), termPhrases);
  let glue = 0;
  let placed = 0;
  for (const s of a.sentences) {
    const tokens = a.tokens.slice(s.from, s.to);
    const isGlue = tokens.map((t) => GLUE.has(t.pos) && !inTerm(t.at));
    const boundaryBetween = (i: number) => BOUNDARY.test(paragraph.slice(tokens[i]!.at + tokens[i]!.word.length, tokens[i + 1]!.at));
    for (let i = 0; i < tokens.length; i++) {
      if (!isGlue[i]) continue;
      glue++;
      const pairs = (x: number, y: number) => isGlue[x] && isGlue[y] && GLUE_PAIRS.has(`${tokens[x]!.pos} ${tokens[y]!.pos}`);
      const before = i === 0 || pairs(i - 1, i) || boundaryBetween(i - 1);
      const after = i < tokens.length - 1 && (pairs(i, i + 1) || boundaryBetween(i));
      if (before || after) placed++;
    }
  }
  return glue >= MIN_GLUE_WORDS && placed < MIN_PLACED_SHARE * glue;
}

/**
 * Whether an offset of `lower` falls inside an occurrence of one of the phrases: each occurrence marked
 * once (a count of the occurrences open at each offset), so a token is looked up, not tested against
 * every occurrence.
 */
function termCover(lower: string, phrases: readonly string[]): (at: number) => boolean {
  const opened = new Int32Array(lower.length + 1);
  for (const p of phrases) {
    for (let at = lower.indexOf(p); at >= 0; at = lower.indexOf(p, at + p.length)) {
      opened[at] = opened[at]! + 1;
      opened[at + p.length] = opened[at + p.length]! - 1;
    }
  }
  for (let i = 1; i <= lower.length; i++) opened[i] = opened[i]! + opened[i - 1]!;
  return (at: number) => at >= 0 && at < lower.length && opened[at]! > 0;
}

const phrasesCache = new WeakMap<Question, readonly string[]>();

/** The question's evidence terms of more than one word, lower-cased: their inner words are not glue. */
export function termPhrases(q: Question): readonly string[] {
  let phrases = phrasesCache.get(q);
  if (!phrases) {
    const terms = q.rubric.flatMap((c) => c.evidence.concepts.flatMap((k) => k.terms));
    phrases = [...new Set(terms.map((t) => t.toLowerCase().trim()).filter((t) => /\s/.test(t)))];
    phrasesCache.set(q, phrases);
  }
  return phrases;
}
