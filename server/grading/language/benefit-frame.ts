import type { Token } from "./analyse.js";
import { RELATING_CLAUSE } from "./co-located.js";
import { questionOf } from "./question-terms.js";
import { nounKind, specificWords } from "./unspecific.js";
import { gluedTo } from "./glued-to.js";

/**
 * Benefit frames (session 17, `gaming7`): a sentence that deploys the rubric's names for a benefit and says nothing
 * of how. "We leverage hybrid retrieval and reranking to ensure grounded, faithful answers, enabling robust
 * evaluation at scale." "By harnessing hybrid search and click labels, we can unlock better relevance and streamline
 * cost." The verbs are the writer's choice ("leverage", "harness", "unlock", "empower", "streamline", ...), so no list
 * of them catches the class (co-located.ts holds a small one); what does is what the verbs govern:
 * - every verb that is not a rubric name has, up to the next verb, clause word or preposition, only rubric names,
 *   abstractions (WordNet's attributes, acts, states: "quality", "trust", "relevance") and modifiers as its object,
 *   and at least one such verb governs an abstraction or a quality of the writer's own ("ensure validity",
 *   "unlock better relevance", "deliver resilience"): the benefit;
 * - nothing ties a name to anything: no figure (a figure written onto a name is the name's), no reason, condition or
 *   sequence, no committing or comparing word, no clause that says which or how, no label, code or bracket;
 * - what else it holds that is specific (unspecific.ts, `specificWords`, less the speaker, who is no mechanism, and
 *   the benefit verbs themselves, which an order-shaped reading counts) is at most one word per three names.
 * Unlike buzzword-frame.ts it allows a speaker ("we leverage ...") and three names: the audit's templates were first
 * person. An honest sentence that deploys names says what is done with them to what ("combine BM25 with dense search
 * because product codes are exact strings", "route easy questions to the cheap model") or carries a figure; one that
 * only names its choices ("we use BM25 and dense search, rerank with a cross-encoder") has no benefit verb.
 * Read only on questions of three or more criteria, as buzzword-frame.ts.
 */
export function benefitFrame(sentence: string, tokens: readonly Token[], isTerm: (word: string) => boolean): boolean {
  const q = questionOf(isTerm);
  if (!q || q.rubric.length < MIN_CRITERIA || NOTE_MARKS.test(sentence)) return false;
  const isName = (t: Token | undefined) => t !== undefined && (isTerm(t.word) || isTerm(t.lemma));
  // A name's head after its term words is the name's ("incremental updates", "grounded answers"), and so is a count
  // spelled before one ("the two result lists").
  const named = tokens.map((t) => isName(t));
  const terms = new Set(
    tokens.filter((t, i) => named[i] || (t.pos === "NOUN" && named[i - 1]) || (t.pos === "NUM" && /^[a-z]+$/.test(t.word) && named[i + 1])),
  );
  const term = (t: Token | undefined) => t !== undefined && terms.has(t);
  let runs = 0;
  tokens.forEach((t, i) => term(t) && !term(tokens[i - 1]) && runs++);
  if (runs < MIN_NAMES) return false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = t.word.toLowerCase();
    if ((t.pos === "NUM" || /\d/.test(t.word)) && !term(t) && !gluedTo(tokens, i, term)) return false;
    if (RELATING_CLAUSE.has(w) || SPECIFYING.has(w) || ORDERING.has(w) || (COMMITTING.has(w) && !term(t))) return false;
  }
  const specific = new Set(specificWords(sentence, tokens, isTerm));
  let benefits = 0;
  const governed = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.pos !== "VERB" || term(t)) continue;
    // The verb's object: up to the next verb, auxiliary, clause word, pronoun or preposition.
    let j = i + 1;
    while (j < tokens.length && !BOUNDARY.has(tokens[j]!.pos)) j++;
    const object = tokens.slice(i + 1, j);
    // A participle modifying a name ("structured output", "click-based labels") governs nothing.
    if (!object.length) continue;
    const nouns = object.filter((u) => (u.pos === "NOUN" || u.pos === "PROPN") && !term(u));
    // An object with a thing of the question's situation in it (a ticket, a log, a user) is something done to
    // something: not a frame.
    // (A single letter is a fragment of a name: "A/B tests".)
    if (nouns.some((u) => u.word.length > 1 && specific.has(u.word) && nounKind(u.lemma) !== "abstract")) return false;
    const qualities = nouns.filter((u) => u.word.length > 1).length + object.filter((u) => u.pos === "ADJ" && !term(u)).length;
    // The verb itself is governed (no order of the sentence's own) only when it governs a quality: "maximise
    // freshness" is a benefit, "run an A/B test" an order.
    if (qualities > 0) {
      benefits++;
      governed.add(i);
    }
    object.forEach((_, k) => governed.add(i + 1 + k));
  }
  if (!benefits) return false;
  const own = [...specific].filter((w) => {
    if (AGENTS.has(w.toLowerCase())) return false;
    const i = tokens.findIndex((t) => t.word === w);
    return i < 0 || !(governed.has(i) || term(tokens[i]));
  });
  return own.length * NAMES_PER_SPECIFIC < runs;
}

const MIN_CRITERIA = 3;
/** Three names: fewer and the sentence is about one or two things, which a plain claim may be. */
const MIN_NAMES = 3;
const NAMES_PER_SPECIFIC = 3;
const NOTE_MARKS = /[:;()"“”<>=_#{}[\]`$%€£]/;
const BOUNDARY = new Set(["VERB", "AUX", "SCONJ", "PRON", "ADP", "PART"]);
const SPECIFYING = new Set(["what", "how", "why", "where", "whose"]);
/** Words that commit or compare ("only above", "every entry"), unless a name's own ("every PR"). */
const COMMITTING = new Set(
  "no not n't never none nothing only every each both either just without unless except versus vs than instead rather must enough same different".split(
    " ",
  ),
);
/** Words that order or rate, a name's or not ("build the index first", "cost per request"): a plan, a measure. */
const ORDERING = new Set("per first last next later earlier once".split(" "));
const AGENTS = new Set("i we you me us my our your".split(" "));
