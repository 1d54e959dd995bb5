import type { Analysis, Token } from "./analyse.js";
import { CLAUSE_PUNCT, CLAUSE_WORDS, gapBefore as gap } from "./clause.js";
import { ABSENCE, LIMITERS, NEGATORS } from "./negators.js";
import { cancelledRefusal, cancelsRefusal } from "./double-negation.js";
import { examinedAbsence } from "./examined-absence.js";
import { conditionalAbsence, dismissedSubject, dismissesObject } from "./dismissal.js";
import { interjectedNo } from "./retraction.js";

/**
 * How far a negation reaches. "Deadlock does not need mutual exclusion, hold
 * and wait, no preemption or circular wait" denies all four conditions, not
 * just the first: a negation governs the coordinated list that follows it, to
 * the end of its clause. So does a word of refusal or dismissal that takes the
 * items as its object ("I would skip the golden set, recall@5 and canary
 * releases", "has nothing to do with disk, swap or frames", "without X or Y"),
 * and a dismissive predicate denies its subject list ("Embeddings and a
 * reranker are a waste of time", "... are unnecessary"; see dismissal.ts).
 *
 * A negated refusal is a double negative and denies nothing ("we would not skip
 * X", "never ship without X"; see double-negation.ts).
 *
 * What ends the reach, kept small and linguistic:
 * - clause punctuation (. ; : ! ? brackets, a dash, a quote mark) and clause words ("but",
 *   "because", "since", "so", "while", "which", any subordinator), so "not X but
 *   Y" and "not only X but also Y" leave Y alone;
 * - a finite verb after the negated phrase ("nothing relevant comes back");
 * - a new clause after a comma or "and"/"or": a subject pronoun ("..., it is
 *   just a crash"), a finite verb ("does not need locks and scales well") or a
 *   noun phrase with its own verb ("..., and processes share memory");
 * - "not only", "not just", "not merely" negate nothing.
 * A plain negator ("not", "never") over a single item keeps the short word
 * window of negatedAt ("is not in a closed path with the battery" still states the
 * battery: reaching to the clause end cost 0.008 r on the Beetle tuning split); it
 * reaches to the clause end over a list, and refusals always do; a determiner
 * "no" always denies its whole noun phrase ("no handoff to a human agent").
 * A determiner "no" governs its own noun phrase; it reaches a list only when
 * the list is joined by "or"/"nor" ("no locks or retries"), since in "mutual
 * exclusion, hold and wait, no preemption and circular wait" it is one item.
 */
export function negatedByScope(a: Analysis, index: number): boolean {
  let marks = cache.get(a);
  if (!marks) {
    marks = markScopes(a);
    cache.set(a, marks);
  }
  return marks[index] ?? false;
}
const cache = new WeakMap<Analysis, boolean[]>();

/** "not only X but also Y" asserts X: a "not" followed by a limiter negates nothing. */
export const limitedNegator = (a: Analysis, i: number) => a.tokens[i]!.word === "not" && LIMITERS.has(a.tokens[i + 1]?.word ?? "");

/** Negators that reach over a whole coordinated list. */
const CLAUSAL = new Set([...NEGATORS, ...ABSENCE]);
/** Verbs of refusal: the candidate declines what follows ("I would skip X and Y"). */
const REFUSAL = new Set(["skip", "omit", "forgo", "neglect", "forget"]);
/** "avoid" refuses only when the candidate is its subject ("I would avoid X"); "grounding avoids hallucination" names a risk. */
const SPEAKERS = new Set(["i", "we", "you", "let"]);
/** Plain negators: over a single item their reach is the word window of negatedAt (terms.ts), not the clause. */
const PLAIN = new Set([...NEGATORS, "no"]);
const NOMINAL = new Set(["NOUN", "PROPN", "PRON", "ADJ", "NUM"]);
const SUBJECTS = new Set(["i", "we", "you", "they", "it", "he", "she", "this", "there", "that"]);

/**
 * Whether a token is in a denied list ("does not need X, Y or Z": X, Y and Z). Similarity marks a
 * single negation on the word it governs only (see similarity.ts); a denied list is denied whole.
 */
export function negatedListItem(a: Analysis, index: number): boolean {
  negatedByScope(a, index);
  return lists.get(a)?.[index] ?? false;
}
const lists = new WeakMap<Analysis, boolean[]>();

/**
 * Whether a token is turned down by a word of dismissal or refusal rather than a plain negation: "A step
 * limit isn't necessary", "don't bother with X", "I would skip X". A plain "not" is as often a true
 * statement about the thing ("is not in a closed path") as a rejection of it.
 */
export function dismissedByScope(a: Analysis, index: number): boolean {
  negatedByScope(a, index);
  return dismissals.get(a)?.[index] ?? false;
}
const dismissals = new WeakMap<Analysis, boolean[]>();

function markScopes(a: Analysis): boolean[] {
  const marks: boolean[] = new Array(a.tokens.length).fill(false);
  const listed: boolean[] = new Array(a.tokens.length).fill(false);
  const dismissed: boolean[] = new Array(a.tokens.length).fill(false);
  for (const s of a.sentences) {
    for (let i = s.from; i < s.to; i++) {
      const reach = triggerAt(a, i, s.from);
      if (reach) {
        const { tokens, firstItemEnd } = scope(a, i + 1, s.to, reach, frontedContrast(a, i, s.from));
        const wide = firstItemEnd >= 0 || reach === "item" || !PLAIN.has(a.tokens[i]!.word) || dismissesObject(a, i);
        const t = a.tokens[i]!;
        // "instead of X" / "rather than X" set X against what the answer says, often the very contrast a key point
        // draws ("concatenated frames instead of small ones"): a correction, not a rejection of X.
        const contrast = t.word === "instead" || t.word === "rather";
        const plain = ((CLAUSAL.has(t.word) || CLAUSAL.has(t.lemma) || t.word === "no") && !dismissesObject(a, i)) || contrast;
        for (const j of tokens) {
          if (wide) marks[j] = true;
          if (firstItemEnd >= 0) listed[j] = true;
          if (!plain) dismissed[j] = true;
        }
      }
      for (const j of dismissedSubject(a, i, s.from)) marks[j] = listed[j] = dismissed[j] = true;
    }
  }
  lists.set(a, listed);
  dismissals.set(a, dismissed);
  return marks;
}

type Reach = "clause" | "item";

function triggerAt(a: Analysis, i: number, sentenceStart: number): Reach | null {
  const t = a.tokens[i]!;
  const next = a.tokens[i + 1];
  // "No, cache globally": an interjection answers or repairs what came before (retraction.ts).
  if (limitedNegator(a, i) || interjectedNo(a, i)) return null;
  // A double negative asserts: "we would not skip X", "never ship without X" (double-negation.ts).
  if (cancelledRefusal(a, i) || cancelsRefusal(a, i)) return null;
  // "Without a step limit the agent can loop forever" argues for the limit (dismissal.ts).
  if (conditionalAbsence(a, i)) return null;
  // "Check that the answers don't hallucinate" names the failure the check looks for (examined-absence.ts).
  if (examinedAbsence(a, i)) return null;
  if (CLAUSAL.has(t.word) || CLAUSAL.has(t.lemma) || dismissesObject(a, i)) return "clause";
  if (t.word === "no") return next?.lemma === "need" ? "clause" : "item";
  if (REFUSAL.has(t.lemma)) return "clause";
  if ((t.word === "instead" && next?.word === "of") || (t.word === "rather" && next?.word === "than")) return "clause";
  if (t.lemma === "avoid") {
    const opener = i === sentenceStart || gap(a, i).includes(",");
    const spoken = a.tokens.slice(Math.max(sentenceStart, i - 4), i).some((b) => SPEAKERS.has(b.word));
    if (opener || spoken) return "clause";
  }
  return null;
}

/** The tokens a negation at `from - 1` reaches: its list, to the end of the clause; where its first item ends. */
function scope(a: Analysis, from: number, to: number, reach: Reach, fronted = false): { tokens: number[]; firstItemEnd: number } {
  const out: number[] = [];
  let joiner: string | null = null;
  let firstItemEnd = -1;
  for (let j = from; j < to; j++) {
    const t = a.tokens[j]!;
    const between = gap(a, j);
    if (j > from && CLAUSE_PUNCT.test(between)) break;
    // A fronted contrast is an adverbial: its main clause follows its comma ("Rather than retrying, put a breaker in front").
    if (fronted && j > from && between.includes(",") && !listGoesOn(a, j, to)) break;
    // "for" after a noun is a preposition ("no need for tracing"), whatever the tagger says.
    if (CLAUSE_WORDS.has(t.word) || (t.pos === "SCONJ" && !(t.word === "for" && a.tokens[j - 1]?.pos === "NOUN"))) break;
    // "not X, only Y" corrects X with Y, as "not X but Y" does.
    if (j > from && between.includes(",") && LIMITERS.has(t.word)) break;
    // A double negative asserts what follows it: "never release it, not without a canary".
    if (cancelsRefusal(a, j) || cancelledRefusal(a, j)) break;
    // A finite verb or a subject after the negated phrase starts another predicate: "nothing relevant
    // comes back", "if it can't find anything it should ...".
    const subject = t.pos === "PRON" && SUBJECTS.has(t.word) && t.word !== "that";
    // No finite verb follows a preposition: "no need for retries" is a plural noun the tagger read as a verb.
    const afterPreposition = a.tokens[j - 1]?.pos === "ADP" || (a.tokens[j - 1]?.word === "for" && j - 1 >= from);
    if (((finite(t) && !afterPreposition) || subject) && out.some((k) => NOMINAL.has(a.tokens[k]!.pos))) break;
    const joined = between.includes(",") || a.tokens[j - 1]?.pos === "CCONJ";
    if (j > from && joined && opensClause(a, j, to)) break;
    // A verb joined to a noun is another predicate ("say X and offer a handoff"); joined to a verb it is
    // one item ("hold and wait").
    const before = a.tokens[j - 2];
    if (
      j > from + 1 &&
      a.tokens[j - 1]!.pos === "CCONJ" &&
      t.pos === "VERB" &&
      !t.word.endsWith("ing") &&
      before &&
      NOMINAL.has(before.pos)
    )
      break;
    if (t.pos === "CCONJ") {
      joiner ??= t.word;
      if (firstItemEnd < 0) firstItemEnd = out.length;
      continue;
    }
    if (j > from && between.includes(",") && firstItemEnd < 0) firstItemEnd = out.length;
    out.push(j);
  }
  // A determiner "no" reaches past its own item only over a list joined by "or"/"nor".
  if (reach === "item" && joiner !== "or" && joiner !== "nor" && firstItemEnd >= 0)
    return { tokens: out.slice(0, firstItemEnd), firstItemEnd: -1 };
  return { tokens: out, firstItemEnd };
}

/**
 * A contrast or a bare "Not" that opens its sentence or clause and sets one thing against the rest: "Rather than
 * retrying forever, put a circuit breaker in front", "Instead of a cache, we'd add a reranker", "Not retries, a
 * circuit breaker". What follows its comma is the main clause, or the correction, which the answer asserts.
 */
export function frontedContrast(a: Analysis, i: number, sentenceStart: number): boolean {
  const t = a.tokens[i]!;
  const opens =
    i === sentenceStart || /[,;:(—–]/.test(gap(a, i)) || a.tokens[i - 1]!.pos === "CCONJ" || CLAUSE_WORDS.has(a.tokens[i - 1]!.word);
  if (!opens) return false;
  if ((t.word === "instead" && a.tokens[i + 1]?.word === "of") || (t.word === "rather" && a.tokens[i + 1]?.word === "than")) return true;
  // A verbless "Not X, Y" corrects X with Y; "Not all requests need a retry" has its own verb and is no contrast.
  if (t.word !== "not" || i !== sentenceStart) return false;
  for (let k = i + 1; k < a.tokens.length && a.tokens[k]!.sentence === t.sentence; k++) {
    if (k > i + 1 && /[,;:]/.test(gap(a, k))) return true;
    // Any verb of its own ends it; right after "Not" the tagger reads plurals as verbs ("Not retries").
    const b = a.tokens[k]!;
    if (b.pos === "AUX" || (b.pos === "VERB" && k > i + 1)) return false;
  }
  return false;
}

/** Whether the token at `index` is past the comma of a fronted contrast at `negator`: the correction, asserted. */
export function pastFrontedContrast(a: Analysis, negator: number, index: number): boolean {
  const start = a.sentences[a.tokens[negator]!.sentence]?.from ?? 0;
  if (!frontedContrast(a, negator, start)) return false;
  for (let k = negator + 2; k <= index; k++) if (gap(a, k).includes(",")) return true;
  return false;
}

/**
 * Inside a fronted contrast, does the list go on past the comma before `j`? Only when the next stretch is the
 * list's end ("Instead of Redis, Memcached or a local cache, use Postgres": it holds a conjunction and another comma
 * follows it) and does not open with a verb taking an object.
 */
function listGoesOn(a: Analysis, j: number, to: number): boolean {
  if (takesObject(a, j)) return false;
  let joined = false;
  for (let k = j; k < to; k++) {
    if (k > j && CLAUSE_PUNCT.test(gap(a, k))) return false;
    if (k > j && gap(a, k).includes(",")) return joined;
    if (a.tokens[k]!.pos === "CCONJ") joined = true;
  }
  return false;
}

/** Articles and possessives: a noun phrase opens with one, so the uninflected word right before it is a verb. */
const OPENERS = new Set(["a", "an", "the", "your", "our", "their", "its", "each", "every"]);

/**
 * A bare word followed by an article is a verb with its object: "put a circuit breaker", "set a timeout", "cache the
 * results" (the tagger reads some imperatives after a comma as nouns). A list item is a noun phrase and has none.
 */
const takesObject = (a: Analysis, j: number) => {
  const t = a.tokens[j]!;
  return (t.pos === "VERB" || t.pos === "NOUN") && t.word === t.lemma && OPENERS.has(a.tokens[j + 1]?.word ?? "");
};

/** After a comma or a conjunction: does a new clause start here (its own subject or its own finite verb)? */
function opensClause(a: Analysis, j: number, to: number): boolean {
  const t = a.tokens[j]!;
  if (t.pos === "PRON" && SUBJECTS.has(t.word)) return true;
  if (finite(t) || takesObject(a, j)) return true;
  // A noun phrase followed by its own verb: "..., and processes share the same memory".
  for (let k = j; k < Math.min(to, j + 5); k++) {
    const b = a.tokens[k]!;
    if (k > j && finite(b)) return true;
    if (!["DET", "ADJ", "NOUN", "PROPN", "NUM"].includes(b.pos)) return false;
  }
  return false;
}

/** An auxiliary or an inflected verb ("is", "scales", "used"); a gerund ("caching") or a bare form ("wait") may be a list item. */
const finite = (t: Token) => t.pos === "AUX" || (t.pos === "VERB" && t.word !== t.lemma && !t.word.endsWith("ing"));
