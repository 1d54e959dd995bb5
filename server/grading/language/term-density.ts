import { analyse, type Analysis, type Token } from "./analyse.js";

/** Parts of speech that carry content; the rest (articles, prepositions, pronouns, auxiliaries) is glue. */
const CONTENT = new Set(["NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"]);
/** Fewer content words than this is a terse answer ("a leaf is a node with no children"), never stuffing. */
const MIN_CONTENT_WORDS = 8;
/**
 * A single sentence needs more: a terse note ("Chunk by heading, embed, hybrid BM25 plus vector
 * search, rerank the top 20.") is all key terms and honest, and one sentence earns at most three
 * key points of a criterion anyway (coverage.ts).
 */
const MIN_CONTENT_WORDS_ONE_SENTENCE = 16;
/**
 * The share of content words that are rubric terms above which a paragraph is
 * stuffing. Measured on the built-in pack: honest paragraphs of 8+ content
 * words reach at most 0.81 (the rubric author's own exemplars; independent
 * answers 0.75), generated salads, keyword runs and templated term sentences
 * start at 0.91.
 */
const MAX_TERM_SHARE = 0.88;

/**
 * Words that relate what stands on either side: prepositions and subordinators. Not auxiliaries nor
 * "not": the terms of a negative key point ("do not know", "is not in the context") hold them.
 */
const RELATING = new Set(["ADP", "SCONJ"]);
/** Subordinators and relatives the tagger may read as adverbs or pronouns: "when", "so", "which", "that". */
const SUBORDINATING = new Set([
  "when",
  "so",
  "because",
  "which",
  "that",
  "where",
  "if",
  "until",
  "unless",
  "while",
  "who",
  "whose",
  "since",
]);
const OPENS_PHRASE = new Set(["DET", "PRON", "NUM"]);
/** A sentence relates its terms with at least this many relating words that open a phrase or clause, and this many verbs. */
const MIN_RELATIONS = 3;
const MIN_VERBS = 2;
/**
 * At most this many content words per relating word: the audit's sentence has 24 content words and 8
 * relating words, the honest wordings in the tests 2.1-3.6 per relating word.
 */
const CONTENT_PER_RELATION = 4;

/**
 * Whether a sentence relates its terms rather than listing them: it has verbs; at least three words
 * that open a phrase or clause relating one thing to another ("with a similarity threshold", "when
 * the model version changes", "so no tenant sees ..."); more prepositions and subordinators than
 * coordinating marks ("and", "or", commas, line breaks), though some of the latter (a run strung on
 * nothing is no sentence); and a relating word for every four content words at most. "Use a semantic
 * cache keyed on normalised prompt embeddings with a similarity threshold tuned on held-out traffic,
 * invalidated when the model version or system prompt changes, with per-tenant isolation so no tenant
 * sees another's cached answers." is a claim about how its terms work together, however many of its
 * words the rubric names (8 relating words, 3 of them opening, 3 coordinating, 24 content words);
 * "We handled chunking and embeddings and hybrid search and ..." is a list with a verb in front (on
 * the built-in pack's terms: 7-9 relating words, 17-31 coordinating), and a run of terms has only its
 * terms' own short words ("one in twenty", "human in the loop") and no marks.
 */
export function relatesItsTerms(sentence: string, tokens: readonly Token[]): boolean {
  let relations = 0;
  // Commas, semicolons and line breaks (a list's items on lines of their own) coordinate.
  let coordination = (sentence.match(/[,;\n]/g) ?? []).length;
  let verbs = 0;
  let content = 0;
  let opening = 0;
  tokens.forEach((t, i) => {
    if (RELATING.has(t.pos) || SUBORDINATING.has(t.word)) {
      relations++;
      // A subordinator opens a clause; a preposition opens a noun phrase of its own when a determiner, pronoun
      // or number follows ("with a similarity threshold", "when the model version"). One straight before a
      // noun may be a term's own ("split by heading", "per queue", "on call").
      if (SUBORDINATING.has(t.word) || t.pos === "SCONJ" || OPENS_PHRASE.has(tokens[i + 1]?.pos ?? "")) opening++;
    } else if (t.pos === "CCONJ") coordination++;
    else if (CONTENT.has(t.pos)) content++;
    if (t.pos === "VERB") verbs++;
  });
  // A run of terms strung on nothing, not even a comma, is no sentence with parts: the terms' own short words
  // ("one in twenty", "human in the loop") are its only relations.
  return (
    verbs >= MIN_VERBS &&
    opening >= MIN_RELATIONS &&
    coordination > 0 &&
    relations > coordination &&
    relations * CONTENT_PER_RELATION >= content
  );
}

/** A plain clause is short: a sentence this long that packs rubric terms with few marks is read by relatesItsTerms. */
const MAX_PLAIN_TOKENS = 20;
const PLAIN_COORDINATION = 1;

/**
 * Whether a short sentence states its terms as one plain clause: a predicate, a preposition or subordinator opening
 * a phrase of its own ("in a closed path", "which does not contain"), an article, pronoun or figure, and at most one
 * coordinating mark, outnumbered by the relating words. "A battery is contained in a closed path which does not
 * contain any other components" (a Beetle reference, written by its author as the strong answer) is all the terms of
 * a pack whose lists hold many synonyms, and scored 0: relatesItsTerms wants the coordination and three opening
 * relations of a long dense sentence, which a short plain one has no need for. A list strung on "and" and commas,
 * a run of terms with no article and no phrase opened, or a long sentence is not one. The sentence readers after
 * this one (templates, co-location, unspecific salads, spread sentences) still read what it relates.
 */
export function relatesPlainly(sentence: string, tokens: readonly Token[], options: { verbless?: boolean } = {}): boolean {
  if (tokens.length < 3 || tokens.length > MAX_PLAIN_TOKENS) return false;
  let coordination = (sentence.match(/[,;\n]/g) ?? []).length;
  let relations = 0;
  let opening = 0;
  let predicate = false;
  let determiner = false;
  tokens.forEach((t, i) => {
    if (RELATING.has(t.pos) || SUBORDINATING.has(t.word.toLowerCase())) {
      relations++;
      if (SUBORDINATING.has(t.word.toLowerCase()) || t.pos === "SCONJ" || OPENS_PHRASE.has(tokens[i + 1]?.pos ?? "")) opening++;
    } else if (t.pos === "CCONJ") coordination++;
    if (t.pos === "VERB" || t.pos === "AUX") predicate = true;
    if (OPENS_PHRASE.has(t.pos)) determiner = true;
  });
  return (predicate || !!options.verbless) && determiner && opening >= 1 && coordination <= PLAIN_COORDINATION && relations > coordination;
}

/**
 * Whether a paragraph is rubric terms held together by glue: nearly every
 * content word in it is one of the question's evidence terms. Whatever its
 * shape (a run of terms, terms strung with "of" and "the", sentences such as
 * "The X of Y is Z."), an answer says something besides the names of the key
 * points: what happened, why, with what result. A text that says nothing else
 * states nothing, however it is punctuated. One exception: a single sentence that relates its terms
 * (relatesItsTerms) is a terse claim, not a list.
 */
/** Words beyond which one sentence is no dense claim (the dense claims it was written for have 36-39 words). */
const MAX_DENSE_SENTENCE_WORDS = 60;
/** Sentences beyond which a paragraph of plain clauses is no short note (a template runs on; templated-terms.ts reads it). */
const MAX_PLAIN_SENTENCES = 3;

const MAX_PLAIN_NOTE_TOKENS = 40;
/** A note's fragment may leave its verb out ("Rerank to the top 5."): this short, with a phrase opened by a preposition. */
const MAX_VERBLESS_TOKENS = 8;

/** Whether two sentences share their frame: the words besides the question's terms ("the of the be the"). */
function repeatsFrame(a: Analysis, isTerm: (word: string) => boolean): boolean {
  const frames = a.sentences.map((s) =>
    a.tokens
      .slice(s.from, s.to)
      .filter((t) => !isTerm(t.word) && !isTerm(t.lemma) && /\w/.test(t.word))
      .map((t) => t.lemma)
      .join(" "),
  );
  return new Set(frames).size < frames.length;
}

/**
 * Whether every sentence of a text is one plain clause (relatesPlainly), or a fragment as short as a note's with a
 * relating word opening a phrase ("Rerank to the top 5."), and one of them at least has a predicate.
 */
function plainClauses(a: Analysis): boolean {
  let predicate = false;
  const plain = a.sentences.every((s) => {
    const tokens = a.tokens.slice(s.from, s.to);
    if (relatesPlainly(s.text, tokens)) return (predicate = true);
    return tokens.length <= MAX_VERBLESS_TOKENS && relatesPlainly(s.text, tokens, { verbless: true });
  });
  return plain && predicate;
}

export function termStuffed(
  paragraph: string,
  isTerm: (word: string) => boolean,
  relatesLikeReference: (a: Analysis) => boolean = () => true,
): boolean {
  const a = analyse(paragraph);
  const content = a.tokens.filter((t) => CONTENT.has(t.pos) && t.word.length >= 3);
  if (content.length < (a.sentences.length > 1 ? MIN_CONTENT_WORDS : MIN_CONTENT_WORDS_ONE_SENTENCE)) return false;
  // One sentence that relates its terms is a dense claim, not stuffing. Not several: a template repeated
  // ("The X of Y is Z. The W of V is U.") relates its terms in each sentence and says nothing (templated-terms.ts).
  // Grammar alone does not tell a dense claim from a fluent salad of the same terms ("an exact prefix of static
  // timestamps invalidates the deterministic tool order"): the claim also relates a key point the way the
  // question's own texts do (`relatesLikeReference`, term-relations.ts).
  // And a claim is a sentence a reader can take in: a run of hundreds of words with no full stop, however many
  // prepositions it strings its terms on, is a salad.
  if (
    a.sentences.length === 1 &&
    a.tokens.length <= MAX_DENSE_SENTENCE_WORDS &&
    relatesItsTerms(a.sentences[0]!.text, a.tokens) &&
    relatesLikeReference(a)
  )
    return false;
  // A short note of a few plain clauses ("Context problem: the chunk is retrieved but lost in the middle of 40. Rerank
  // to the top 5.") is terse, not stuffed: each sentence is one clause that relates its terms (relatesPlainly), and
  // one of them relates a key point the way the question's own texts do.
  // A template of plain clauses ("The X of Y is Z. The W of V is U.") repeats its frame and carries nothing else.
  if (
    a.sentences.length <= MAX_PLAIN_SENTENCES &&
    a.tokens.length <= MAX_PLAIN_NOTE_TOKENS &&
    plainClauses(a) &&
    !repeatsFrame(a, isTerm) &&
    (a.tokens.some((t) => t.pos === "NUM" || /\d/.test(t.word)) || a.sentences.some((s) => relatesLikeReference(analyse(s.text))))
  )
    return false;
  const terms = content.filter((t) => isTerm(t.word) || isTerm(t.lemma)).length;
  return terms / content.length >= MAX_TERM_SHARE;
}
