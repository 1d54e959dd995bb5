import type { Token } from "./analyse.js";
import { RELATING_CLAUSE } from "./co-located.js";
import { relatesBySymbol } from "./terse-note.js";
import { sensesOf, synset } from "./wordnet.js";
import { questionOf } from "./question-terms.js";
import { expectsShortAnswer } from "./short-answer-item.js";
import type { Question } from "../../scenarios/index.js";

/**
 * WordNet's classes of nouns that name no thing one could point at, count or configure: acts and processes
 * named as nouns ("monitoring", "retrieval", "design", "approach"), attributes ("quality", "reliability"), ideas
 * and views ("view", "focus", "attention"), states, feelings, relations and motives. Not the top of the hierarchy, which holds "person" and "thing". Read from the noun's first (most
 * frequent) sense. A thing a sentence can be specific about is another class: an artifact ("webhook",
 * "screen"), a person, a group, a document or message ("article", "ticket", "log"), a quantity, a time.
 */
const ABSTRACT_CLASSES = new Set([4, 7, 9, 12, 16, 22, 24, 26]);

/** WordNet's classes of people and groups: a person named ("the CEO", "a merchandiser") is someone the sentence is about. */
const PEOPLE = new Set([14, 18]);
type NounKind = "abstract" | "person" | "thing" | "unknown";
const kinds = new Map<string, NounKind>();

/** What a noun's first (most frequent) sense names; a word WordNet does not know is a product, a code or jargon. */
export function nounKind(lemma: string): NounKind {
  let kind = kinds.get(lemma);
  if (kind === undefined) {
    // "re-check", "re-indexing": the act again is the same kind of word as the act.
    const base = lemma.replace(/^re-/, "");
    const noun = /^[a-z][a-z-]+$/.test(base) ? sensesOf(base).find((s) => s.pos === "noun") : undefined;
    const lexFile = noun?.offsets.length ? synset("noun", noun.offsets[0]!).lexFile : -1;
    kind = lexFile < 0 ? "unknown" : ABSTRACT_CLASSES.has(lexFile) ? "abstract" : PEOPLE.has(lexFile) ? "person" : "thing";
    if (kinds.size >= 20_000) kinds.clear();
    kinds.set(lemma, kind);
  }
  return kind;
}

/** Lower-case words and their hyphenated parts, their singulars and their stems before "-ing" or "-ed", as a question's texts are read (without the language model: built once). */
const wordsOf = (texts: readonly string[]) =>
  new Set(
    texts
      .join(" ")
      .toLowerCase()
      .match(/[a-z][a-z-]+/g)
      ?.flatMap((w) => [w, ...w.split("-")])
      .flatMap((w) => [w, w.replace(/(?:es|s)$/, ""), w.replace(/(?:ing|ed)$/, "")]) ?? [],
  );

type Situation = {
  /** The words of its prompt, rubric and model answers: what the question talks about. */
  things: ReadonlySet<string>;
  /** Whether it asks for a story (a behavioural question). */
  story: boolean;
  /** The words of its title, its criteria's titles and key points' labels: the names of its topics ("cost", "quality", "gateway"). */
  topics: ReadonlySet<string>;
};
/**
 * A thing the question talks about ("article", "ticket", "tenant") is one a sentence can say something specific
 * about; a thing from anywhere ("the picture", "the heart of safety", "the economics") is a figure of speech, and a
 * rubric topic's own name ("cost", "quality", "evaluation") is one more rubric term. Built once per question.
 */
const situations = new WeakMap<Question, Situation>();
function situationOf(q: Question): Situation {
  let s = situations.get(q);
  if (!s) {
    const topics = wordsOf([q.title, ...q.rubric.flatMap((c) => [c.title, ...c.evidence.concepts.map((k) => k.label)])]);
    const things = wordsOf([
      q.prompt,
      ...q.rubric.flatMap((c) => [c.description, ...Object.values(c.anchors), c.strongAnswerAdds ?? "", ...c.probes]),
      ...q.exemplars.map((e) => e.answer),
    ]);
    s = { things, topics, story: q.kind === "behavioural" };
    situations.set(q, s);
  }
  return s;
}

/**
 * Whether a noun names something specific: a person, a word WordNet does not know, or a thing of the question's
 * own situation that is not the name of one of its topics. Abstractions ("quality", "view", "attention") never do.
 */
function specificNoun(t: Token, situation: Situation): boolean {
  const kind = nounKind(t.pos === "PROPN" ? t.word : t.lemma);
  if (kind === "abstract") return false;
  if (situation.topics.has(t.lemma) || situation.topics.has(t.word)) return false;
  // People are what a story is about ("the CEO", "my mentor"); elsewhere a person is a thing of the situation or
  // not ("callers", "key drivers of success").
  if (kind === "unknown" || (kind === "person" && situation.story)) return true;
  return situation.things.has(t.lemma) || situation.things.has(t.word);
}

/**
 * Whether a noun is no argument of its own: a modifier of an abstraction after it ("user trust", "retrieval
 * quality": the trust is what is named; "account questions" names which questions), or a bare singular after a
 * preposition, the shape of an idiom ("on track", "in hand", "at heart").
 */
function notAnArgument(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (next && (next.pos === "NOUN" || next.pos === "PROPN")) return nounKind(next.lemma) === "abstract";
  return tokens[i - 1]?.pos === "ADP" && t.word === t.lemma;
}

/**
 * Pronouns that name who acts: a sentence with a speaker, an addressee or a person in a story states what
 * someone does or did ("we redact PII in logs", "she was right about the eval"). Not "it", "this" or "they"
 * alone as things: "they" is read as people, which costs a salad little (its subjects are the terms).
 */
const AGENTS = new Set("i we you me us my our your he she him her his they them their".split(" "));
/**
 * Words that deny, compare, set a sufficiency, a scope or a coverage: "This is a prompt fault, not the model", "nothing
 * detects an identical call", "good enough for summaries", "every action is written to an audit log", "shipped a month later". Each commits
 * to something that could be wrong; a salad affirms.
 */
const COMMITTING = new Set(
  "not n't no never nothing none nobody neither nor without enough only same different other every each any later earlier sooner".split(
    " ",
  ),
);
/**
 * A clause that says which thing or how ("what a reranker fixes", "what it's given", "how the agent handled it"):
 * it specifies. Not "which", "that" or "who" as relative pronouns, which a salad uses to string one more
 * abstraction on ("..., which together reflect the importance of security").
 */
const SPECIFYING = new Set(["what", "how", "why", "where"]);
/** A sentence that classifies the case at hand ("This is a retrieval fault", "That's a ranking problem") is a diagnosis. */
const DIAGNOSIS = /^\W*(?:this|that|it)(?:\s+is|'s|\s+was)\s+(?:a|an|not)\b/i;
/** Code and templates ("self._entries", "{{question}}", "x = 1") are not prose: what they state is read elsewhere. */
const CODE = /[(){}[\]=<>_`|$%€£]/;
/**
 * A colon makes a note or an elaboration ("Tone: polite and formal.", "The problem is prompt injection: users tell
 * the bot to ignore its instructions"): what follows it says what the words before it are.
 */
const LABEL = /:\s/;
/** A figure written onto the term before it ("recall@5", "top-5") is the term's own name. */
function writtenOnto(tokens: readonly Token[], i: number, term: (t: Token) => boolean): boolean {
  const prev = tokens[i - 1];
  return prev !== undefined && term(prev) && prev.at + prev.word.length === tokens[i]!.at;
}
/** "each other" is reciprocal, not a coverage or a contrast ("caching and redaction complement each other"). */
const reciprocal = (tokens: readonly Token[], i: number) =>
  (tokens[i]!.word === "each" && tokens[i + 1]?.word === "other") || (tokens[i]!.word === "other" && tokens[i - 1]?.word === "each");

/** What follows an order's verb: its object or its manner ("Copy it", "Search at most", "Use for any question"). */
const ORDER_FOLLOWS = new Set(["DET", "PRON", "ADV", "ADP"]);

/** Whether token i opens the sentence or a clause (after ",", ";", ":" or "and": "redact PII and refuse ..."), past adverbs before it. */
function opensClause(tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && tokens[j]!.pos === "ADV") j--;
  return j < 0 || [",", ";", ":"].includes(tokens[j]!.word) || tokens[j]!.pos === "CCONJ";
}
/** Words that can be a topic's name (a title's "and", "the" or "using" are not). */
const NAMING = new Set(["NOUN", "PROPN", "ADJ"]);
/** Fewer rubric terms than this and a sentence relates nothing to anything. */
const MIN_TERMS = 2;

/**
 * Whether a sentence relates the question's terms to each other and to nothing else: two or more terms, and
 * besides them and their predicates only abstract nouns ("quality", "reliability", "view") and modifiers. No
 * figure, relating symbol or clause of reason, condition or sequence; no one who acts (no "I" or "we", not
 * an order); no thing outside the rubric's own words (an article, a ticket, a threshold's owner, a product
 * name). "Retrieval quality matters for faithfulness, and monitoring keeps latency and cost in view" and
 * "Guardrails and reranking support reliability" are such sentences: their predicates are real verbs, but
 * with the rubric's names as every argument the sentence fits any question that has those names, so it
 * asserts nothing that could be checked against the design. The predicate is deliberately not read: what
 * makes the class is that no argument is anything but a rubric term or an abstraction, whichever verb
 * joins them. "A CMS webhook re-embeds an article on publish" names an article; "We redact PII in logs"
 * has someone acting; "Cache keys expire after 24 h" states a figure: none is such a sentence.
 */
export function onlyRelatesTerms(sentence: string, tokens: readonly Token[], isTerm: (word: string) => boolean): boolean {
  return specificPart(sentence, tokens, isTerm) === null;
}

/** What makes a sentence more than its terms (a word, or why it is read otherwise), or null when nothing does. */
export function specificPart(sentence: string, tokens: readonly Token[], isTerm: (word: string) => boolean): string | null {
  const q = questionOf(isTerm);
  // Where one thing is asked (one criterion, or a short-answer item), the answer is a relation among the question's
  // own things, stated with them alone: "the bulb and the battery are in the same closed path". A salad roams over
  // the topics of a question that asks for several.
  if (!q || q.rubric.length < 2 || expectsShortAnswer(q)) return "one thing asked";
  const situation = situationOf(q);
  // The rubric's names: its evidence terms and the words its criteria and key points are titled with ("Retrieval
  // quality matters for faithfulness" names one evidence term and two topics).
  const topic = (t: Token) => NAMING.has(t.pos) && (situation.topics.has(t.lemma) || situation.topics.has(t.word));
  const term = (t: Token) => isTerm(t.word) || isTerm(t.lemma) || topic(t);
  // Terms are counted as runs: "a prompt fault" names one thing, "caching and batching" two.
  if (tokens.filter((t, i) => term(t) && !(i > 0 && term(tokens[i - 1]!))).length < MIN_TERMS) return "fewer than two terms";
  if (relatesBySymbol(sentence) || CODE.test(sentence) || LABEL.test(sentence) || /:\s*$/.test(sentence))
    return "a symbol, code, a label or a heading";
  if (DIAGNOSIS.test(sentence)) return "a diagnosis";
  // A classification without a predicate ("Mainly a retrieval fault, with a format flaw on top") is a diagnosis too.
  // (Only opening on "a": the tagger reads a salad's verbs as nouns often enough, "Routing and streaming bear on ...".)
  const opening = tokens.find((t) => t.pos !== "ADV" && t.pos !== "PUNCT");
  if ((opening?.word === "a" || opening?.word === "an") && !tokens.some((t) => t.pos === "VERB" || t.pos === "AUX")) return "a diagnosis";
  for (const word of specificTokens(sentence, tokens, term, situation)) return word;
  return null;
}

/**
 * The words that make a sentence more than its rubric names, in order: figures, orders, someone acting, words that
 * commit, clauses that specify or relate, names and things of the question's situation. Read whole (not only the
 * first) where the number of them matters: a sentence naming ten key points and one thing of the situation says
 * something about one of them (spread-sentence.ts).
 */
export function specificWords(sentence: string, tokens: readonly Token[], isTerm: (word: string) => boolean): string[] {
  const q = questionOf(isTerm);
  if (!q || q.rubric.length < 2 || expectsShortAnswer(q)) return [];
  const situation = situationOf(q);
  const topic = (t: Token) => NAMING.has(t.pos) && (situation.topics.has(t.lemma) || situation.topics.has(t.word));
  const term = (t: Token) => isTerm(t.word) || isTerm(t.lemma) || topic(t);
  return [...specificTokens(sentence, tokens, term, situation)];
}

function* specificTokens(sentence: string, tokens: readonly Token[], term: (t: Token) => boolean, situation: Situation): Generator<string> {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // A figure, unless written onto a term ("recall@5").
    if ((t.pos === "NUM" || /\d/.test(t.word)) && !writtenOnto(tokens, i, term)) {
      yield t.word;
      continue;
    }
    // An order ("Redact PII in logs", "While it thinks, show a progress indicator") says what to do: a base-form
    // verb opening the sentence or a clause, after at most a degree word ("Just switch ...").
    if (t.pos === "VERB" && t.word === t.lemma && !t.word.endsWith("ing") && opensClause(tokens, i)) {
      yield t.word;
      continue;
    }
    // The tagger reads a capitalised order as a name ("Copy it exactly", "Search at most twice").
    if (i === 0 && t.pos === "PROPN" && ORDER_FOLLOWS.has(tokens[1]?.pos ?? "") && sensesOf(t.word).some((s) => s.pos === "verb")) {
      yield t.word;
      continue;
    }
    if (SPECIFYING.has(t.word)) {
      yield t.word;
      continue;
    }
    if (RELATING_CLAUSE.has(t.word) && (t.pos === "SCONJ" || t.pos === "ADV" || t.pos === "ADP")) {
      yield t.word;
      continue;
    }
    if ((t.pos === "PRON" || t.pos === "DET") && AGENTS.has(t.word)) {
      yield t.word;
      continue;
    }
    // Before the terms: a rubric term may carry one ("never reveal", "no worse", "every pull request").
    if (COMMITTING.has(t.word) && !reciprocal(tokens, i)) {
      yield t.word;
      continue;
    }
    if (term(t)) continue;
    // A name inside the sentence ("requests in Polish", "an index in OpenSearch") is specific. A capitalised common
    // noun opening it ("Retrieval metrics ...", "Online feedback ...") is read as the noun.
    if (
      t.pos === "PROPN" &&
      i > 0 &&
      tokens[i - 1]!.word !== "," &&
      /^[A-Z]/.test(sentence.slice(t.at - tokens[0]!.at, t.at - tokens[0]!.at + 1))
    ) {
      yield t.word;
      continue;
    }
    if ((t.pos === "NOUN" || t.pos === "PROPN") && !notAnArgument(tokens, i) && specificNoun(t, situation)) {
      yield t.word;
      continue;
    }
  }
}
