import { analyse, type Analysis } from "./analyse.js";
import { withoutMarkupLines } from "./markup-lines.js";
import { claimSentencesOf } from "./claim-sentence.js";
import { answersAsSet, type SetQuestion } from "./set-answer.js";

const PREDICATE = new Set(["VERB", "AUX"]);
/**
 * A long sentence this dense in rubric terms is a keyword bag with verbs sprinkled in. An honest
 * sentence naming what the question asks for ("The four conditions are mutual exclusion, hold and
 * wait, no preemption and circular wait.") reaches a half; at 0.5 it earned nothing.
 */
const MAX_TERM_DENSITY = 0.6;
const MIN_TOKENS_FOR_DENSITY = 12;
/** This many sentences relating terms to nothing (unspecific.ts), at least two in three term sentences, are a salad. */
const SALAD_SENTENCES = 3;
const SALAD_SHARE = [2, 3] as const;
/** This many sentences with one frame ("We use X.") are a template filled with terms. */
const TEMPLATE_REPEATS = 3;

export type ClaimOptions = {
  /** A behavioural story: an order to someone is not something the candidate did. */
  story?: boolean;
  /** A short-answer item (see expectsShortAnswer): a short list in the model answers' form answers it. */
  listAnswers?: boolean;
  /** A question that asks for things (set-answer.ts): a short list of them in the candidate's words answers it. */
  set?: SetQuestion | null;
};

/**
 * Which sentences make a claim: those with a predicate (a verb). A bare list
 * of terms states nothing, so it evidences nothing; nor does a long sentence
 * made mostly of rubric terms, nor a frame repeated with the terms swapped
 * ("We use X. We use Y. We use Z."). One exception: an answer that is a single
 * short phrase ("the main function", "member functions and data members")
 * answers the question it replies to, so the question supplies its predicate;
 * a list of three or more items never does.
 *
 * `isTerm(word)`: whether a word starts one of the question's evidence terms.
 */
export function claimSentences(a: Analysis, isTerm: (word: string) => boolean = NO_TERMS, options: ClaimOptions = {}): ReadonlySet<number> {
  // Every criterion of a question reads the same answer with the same terms: read it once (the
  // analysis is cached per text, and questionTerms per question, so both are stable keys).
  let byTerms = readings.get(a);
  if (!byTerms) readings.set(a, (byTerms = new WeakMap()));
  let byOptions = byTerms.get(isTerm);
  if (!byOptions) byTerms.set(isTerm, (byOptions = new Map()));
  const key = `${options.story ?? false}|${options.listAnswers ?? false}|${options.set ? "set" : ""}`;
  let claims = byOptions.get(key);
  if (!claims) byOptions.set(key, (claims = readClaims(a, isTerm, options)));
  return claims;
}
const NO_TERMS = () => false;
const readings = new WeakMap<Analysis, WeakMap<(word: string) => boolean, Map<string, ReadonlySet<number>>>>();

function readClaims(a: Analysis, isTerm: (word: string) => boolean, options: ClaimOptions): Set<number> {
  const claims = new Set<number>();
  const frames = new Map<string, number[]>();
  let unspecific = 0;
  // What no option changes is read once per sentence for every set of options (claim-sentence.ts).
  const read = claimSentencesOf(a, isTerm);
  a.sentences.forEach((s, i) => {
    const r = read[i]!;
    const { tokens } = r;
    // A worked figure ("500 tokens per query, so 150M a month") states something without a verb.
    const figures = tokens.filter((t) => t.pos === "NUM" || /\d/.test(t.word)).length;
    // A note that relates its terms ("no sequence number in the UDP header", "checksum optional in UDP")
    // states something with the copula left out; a bare run of terms does not.
    // A subordinator relates two things too ("O(log n), because each comparison halves ...": the tagger reads
    // some verbs after it as nouns).
    const relates = tokens.length >= 4 && tokens.some((t) => t.pos === "ADP" || t.pos === "SCONJ" || t.lemma === "no" || t.lemma === "not");
    // A labelled run of fragments ("Action: rolled back, feature flag, logs.") is a list; "Stack: LIFO." is a note.
    // A terse note relates its sides with a symbol ("higher = more random") or a comparative after a label
    // ("Fewer bits: less memory, faster"): it states something without a verb (terse-note.ts).
    const noted = r.noted;
    // A run of verb phrases ("Strategy: split on headings, keep tables intact, attach metadata.") is a plan stated in
    // the imperative: it says what to do with each thing it names, however dense in terms (verb-phrase-note.ts).
    const plan = r.plan;
    // A short list of what the question asks for ("retries with backoff, idempotency keys, timeouts"; "Per call
    // span: trace id, prompt version, ...") is the answer, however few its verbs and dense its terms (set-answer.ts).
    const set = options.set ? answersAsSet(s.text, options.set) : false;
    // A label over fragments that relate what they name ("Eval: golden set of 300 tickets, recall@5 + faithfulness
    // via judge; CSAT") is an expert's note, not a keyword list (terse-note.ts).
    if (r.labelledList && !noted && !plan && !set && !r.relatedFragments) return;
    // A list labelled as terms ("Key terms: ...", "Concepts covered: ...") names words, not parts of an answer: it is
    // no set answer, and states something only where its fragments do (term-glossary.ts).
    if (r.glossaryLine && !noted && !r.relatedFragments) return;
    // A run of names ("linear, linear, sublinear, recall") states nothing, whatever the tagger reads as a
    // verb in it; a short-answer item is answered by such a list (see isShortPhraseAnswer below).
    if (!options.listAnswers && !noted && !set && r.bareList) return;
    if (!tokens.some((t) => PREDICATE.has(t.pos)) && figures < 2 && !relates && !noted && !set && !r.labelNotes) return;
    // Figures strung without what relates them ("10k users 20 req/day $400/day cache 30%") are a list (figure-run.ts).
    if (r.figureRun) return;
    // A question asks; it states nothing. In a story (behavioural answers) an order to someone is not
    // something the candidate did either: "Write a script to ..." is a request, not an experience.
    if (/\?\s*$/.test(s.text)) return;
    if (options.story && tokens[0]?.pos === "VERB" && tokens[0].word === tokens[0].lemma) return;
    const terms = r.terms;
    // A worked figure is a value the candidate computed, not the name of a key point: "$450 input + $360
    // output = $810/month; stream, cap output tokens" is dense with terms because it is terse, not stuffed.
    const named = r.named;
    // A sentence that relates its terms ("a semantic cache keyed on prompt embeddings with a threshold tuned on
    // held-out traffic, invalidated when ...") is dense because it is terse, not stuffed (term-density.ts).
    // So is a note whose fragments relate what they name ("golden set of 300 tickets, recall@5 + faithfulness via judge").
    if (
      tokens.length >= MIN_TOKENS_FOR_DENSITY &&
      named / tokens.length >= MAX_TERM_DENSITY &&
      !plan &&
      !set &&
      !r.relatesItsTerms &&
      // A short sentence that is one plain clause ("A battery is contained in a closed path which does not contain any
      // other components") is dense because the rubric's lists hold many synonyms, not because it is stuffed.
      !r.relatesPlainly &&
      !r.relatedFragments
    )
      return;
    // The frame: what the sentence says besides its terms and glue words. A frame shared by several
    // term-bearing sentences is a template, short ("we use", "be") or long ("Our team relied on X when
    // it mattered most."): an account does not say the same thing about each key point.
    // An enumerating tag ("(case 4)", "[item 7]", "(#3)") numbers the fillings of a frame; it is no part of it.
    const frameTokens = r.frameTokens;
    // A frame repeated inside one sentence ("X really drives Y, and Z really drives W, and ...") is a template too.
    if (terms > 0 && r.templatedClauses) return;
    // Praise alone ("A golden set is important.", "Caching helps a lot.") says nothing about its terms.
    if (terms > 0 && r.onlyEvaluates) return;
    // Terms strung on light predicates ("X leverages Y and Z to ensure W, while V handles U") are co-located, not
    // related: no decision, mechanism, figure or reason is stated about any of them (co-located.ts).
    if (!plan && r.coLocatesTerms) return;
    // The rubric's names in lists inside a frame of the writer's own, nobody acting on any, whatever its verbs
    // (a plan's run of orders is read there as orders; buzzword-frame.ts).
    if (!noted && r.buzzwordFrame) return;
    // Names deployed for a benefit, nothing said of how (benefit-frame.ts): a sentence relating its terms to nothing,
    // counted as one for the salad rule below.
    if (!noted && r.benefitFrame) {
      unspecific++;
      return;
    }
    // Terms related only to each other and to abstractions ("Retrieval quality matters for faithfulness, and
    // monitoring keeps latency and cost in view"), whatever the verb: nothing checkable is asserted (unspecific.ts).
    // It is still a term sentence with a frame: a template of such sentences is a template (below).
    // A short list of what the question asks for is its answer (set-answer.ts), not a salad, while it stays a list
    // of things: a set line with a verb after its first word ("Rate limits and budgets matter for fairness, ...") is
    // read as the sentence it is.
    const listOfThings = set && !tokens.slice(1).some((t) => PREDICATE.has(t.pos) && !t.word.endsWith("ing"));
    const relatesNothing = !plan && !listOfThings && r.onlyRelatesTerms;
    if (relatesNothing) unspecific++;
    else claims.add(i);
    const frame = frameTokens.map((t) => t.lemma);
    if (terms > 0) {
      const key = frame.join(" ");
      // Appended in place: a copy per sentence made an answer of one repeated frame quadratic.
      const same = frames.get(key);
      if (same) same.push(i);
      else frames.set(key, [i]);
    }
  });
  let templated = 0;
  for (const same of frames.values()) {
    if (same.length < TEMPLATE_REPEATS) continue;
    templated += same.length;
    for (const i of same) claims.delete(i);
  }
  // An answer made mostly of templated term sentences is stuffing throughout: nothing in it is a claim.
  const termSentences = [...frames.values()].reduce((n, xs) => n + xs.length, 0);
  if (templated >= TEMPLATE_REPEATS && templated * 2 >= termSentences) return new Set();
  // An answer made mostly of sentences that relate its terms to nothing is a salad throughout: what it says besides
  // them is its glue ("The lesson is that savings and quality go together").
  if (unspecific >= SALAD_SENTENCES && unspecific * SALAD_SHARE[1] >= termSentences * SALAD_SHARE[0]) return new Set();
  // Not a question, though: "What is the capital of Brazil?" states nothing, however short. A hedged
  // statement ("because they are in the same path?") still states its point.
  if (claims.size === 0 && isShortPhraseAnswer(a, options.listAnswers)) a.sentences.forEach((s, i) => !asks(s.text) && claims.add(i));
  return claims;
}

/** A question proper: it opens with a question word or an inverted auxiliary and ends with "?". */
const asks = (sentence: string) =>
  /\?\s*$/.test(sentence) &&
  /^\W*(?:what|who|whom|whose|where|when|why|how|which|is|are|was|were|do|does|did|can|could|will|would|should|shall|may|have|has)\b/i.test(
    sentence,
  );

export function isShortPhraseAnswer(a: Analysis, listAnswers = false): boolean {
  // A heading or a bold label over the answer ("## Answer") is layout: the answer is still one short phrase.
  const body = withoutMarkupLines(a.text);
  const read = body !== a.text && body.trim() ? analyse(body) : a;
  const items = read.text.split(/[,;|\n•·]+/).filter((s) => s.trim()).length;
  return read.tokens.length > 0 && read.tokens.length <= 8 && (listAnswers || items < 3);
}
