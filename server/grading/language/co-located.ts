import type { Token } from "./analyse.js";
import { relatesBySymbol } from "./terse-note.js";

/**
 * Predicates that say a thing serves a purpose without saying what it does: "X leverages Y", "Y ensures
 * quality", "Z handles cost", "W plays a key role in V". A verb of this kind relates nothing to anything
 * in particular; it fits any pair of terms, so a sentence built only on such verbs co-locates its terms.
 * Closed on purpose and small: an action on a thing ("purge", "rerank", "cap", "use", "track", "split")
 * is never here, since naming what is done with a thing is a decision.
 */
const LIGHT = new Set(
  (
    "leverage ensure provide handle support enable help drive address deliver maintain enhance contribute " +
    "complete empower benefit involve balance underpin guarantee facilitate boost strengthen promote work matter"
  ).split(" "),
);
/**
 * Words that rank a thing in a copular frame or after "play" ("are important for", "is the foundation of", "plays a
 * key role in", "are all valuable signals"). Not "good" or "better": "the cheap model is good enough for summaries"
 * is a judgement about the question's situation, not a ranking of terms.
 */
const RANKING = new Set(
  "important essential crucial critical vital key central valuable fundamental foundation backbone cornerstone role part priority factor consideration".split(
    " ",
  ),
);
/** How far after "play" its ranking word stands ("plays a key role"), and after "keep" its state ("keep answers fresh"). */
const REACH = 3;
const KEEPING = new Set(["keep", "stay", "remain"]);
const GOVERNING = new Set(["help", "enable"]);
/**
 * Words that open a reason, a condition or a sequence ("then"): "purge entries when an article changes", "because the
 * same words have different answers on prepaid plans". Not "while" (a salad's favourite joint: it sets two
 * clauses side by side) nor "to" (a purpose fits any term: "to ensure quality").
 */
export const RELATING_CLAUSE = new Set(
  "because so since when whenever if unless until before after once then than instead otherwise therefore".split(" "),
);
/**
 * The tagger reads some light verbs as nouns or adjectives when they follow their subject ("metrics matter for",
 * "rollback complete the picture", "which drives"); elsewhere they are what they look like ("the work", "Drive").
 */
const taggedAsNoun = (tokens: readonly Token[], i: number) =>
  (tokens[i]!.pos === "NOUN" || tokens[i]!.pos === "ADJ") &&
  (tokens[i - 1]?.pos === "NOUN" || tokens[i - 1]?.pos === "PROPN" || tokens[i - 1]?.word === "which" || tokens[i - 1]?.word === "that");
const SUBJECTS = new Set(["PRON", "NOUN", "PROPN", "AUX"]);
/** Fewer terms than this and a sentence co-locates nothing (one term praised is onlyEvaluates' reading). */
const MIN_TERMS = 2;

/** A figure written onto a term is the term's own ("recall@5", "top-5"), not a figure the sentence states. */
const termSuffix = (tokens: readonly Token[], i: number, term: (t: Token) => boolean) => {
  const prev = tokens[i - 1];
  return term(tokens[i]!) || (prev !== undefined && term(prev) && prev.at + prev.word.length === tokens[i]!.at);
};

/** A participle read as a verb that is no predicate: before a noun ("retrieved documents", "a well-chosen threshold"), after a preposition or article, or opening the sentence as its subject ("Monitoring false hits ..."). */
function notAPredicate(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!/(?:ed|en|ing)$/.test(t.word)) return false;
  const next = tokens[i + 1]?.pos ?? "";
  const prev = tokens[i - 1]?.pos ?? "";
  // Before a noun it modifies it unless a subject stands before it ("I added validation", "the judge picked ...").
  const modifies = (next === "NOUN" || next === "PROPN" || next === "ADJ") && !SUBJECTS.has(prev);
  return (
    modifies ||
    prev === "ADP" ||
    prev === "DET" ||
    prev === "ADJ" ||
    prev === "ADV" ||
    // "CI gating on every pull request", "source article tracking": a compound's head, not a predicate.
    (t.word.endsWith("ing") && (i === 0 || prev === "NOUN" || prev === "PROPN"))
  );
}

/**
 * Whether a sentence only co-locates the question's terms: it names two or more of them, holds no figure, no
 * relating symbol and no clause of reason, condition or sequence, and every predicate it has is a light one
 * (LIGHT verbs, or a copula with a praising or ranking word). "Our pipeline leverages chunking, embeddings and
 * hybrid search to ensure grounded answers, while caching and rate limiting handle latency and cost" names
 * every term and says nothing about any of them: no decision, mechanism, figure or reason. Its terms' own verbs
 * ("rerank" in "reranking") are terms, not predicates. A note that relates ("Hybrid top-20 → rerank → 5",
 * "purge entries when an article changes", "track deflection and CSAT after launch") is left alone: a figure,
 * a symbol, a clause or a verb of action is something said about a term.
 */
export function coLocatesTerms(sentence: string, tokens: readonly Token[], isTerm: (word: string) => boolean): boolean {
  const term = (t: Token) => isTerm(t.word) || isTerm(t.lemma);
  if (relatesBySymbol(sentence) || tokens.some((t, i) => (t.pos === "NUM" || /\d/.test(t.word)) && !termSuffix(tokens, i, term)))
    return false;
  if (tokens.filter(term).length < MIN_TERMS) return false;
  // Co-located: two terms stand side by side in a run ("chunking, embeddings and hybrid search").
  if (!tokens.some((t, i) => term(t) && (tokens[i + 1]?.pos === "CCONJ" || tokens[i + 1]?.word === ","))) return false;
  let light = 0;
  let governed = -1;
  let copula = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (RELATING_CLAUSE.has(t.word) && (t.pos === "SCONJ" || t.pos === "ADV" || t.pos === "ADP")) return false;
    if (t.pos === "AUX" && t.lemma === "be") copula = true;
    // A term read as a verb is usually a noun the tagger misread ("routing", "recall"); after a pronoun or an
    // auxiliary it is an action ("I asked why", "they needed", "I would chunk the articles"), which a salad never has.
    if (term(t)) {
      const prev = tokens[i - 1]?.pos;
      if (t.pos === "VERB" && (prev === "PRON" || prev === "AUX") && !LIGHT.has(t.lemma)) return false;
      continue;
    }
    if (LIGHT.has(t.lemma) && (t.pos === "VERB" || taggedAsNoun(tokens, i))) {
      light++;
      // What "help" and "enable" govern is their frame too: "helps measure improvements", "help the team improve".
      if (GOVERNING.has(t.lemma)) governed = i + REACH + 1;
      continue;
    }
    if (i <= governed && t.pos === "VERB") continue;
    // A purpose ("to improve context quality", "to capture the intent") fits any term: it relates nothing.
    if (t.pos === "VERB" && tokens[i - 1]?.word === "to") continue;
    const after = tokens.slice(i + 1, i + 1 + REACH);
    // "plays a key role in", and a state kept with no means given: "keep answers fresh", "stay healthy".
    if ((t.lemma === "play" && after.some((u) => RANKING.has(u.lemma))) || (KEEPING.has(t.lemma) && after.some((u) => u.pos === "ADJ"))) {
      light++;
      continue;
    }
    if (t.pos !== "VERB") continue;
    if (!notAPredicate(tokens, i)) return false;
  }
  // A copula says something only through its complement: "are important for", "is the foundation of".
  const ranks = copula && tokens.some((t) => RANKING.has(t.lemma) && !term(t));
  return light > 0 || ranks;
}
