import { dismissedByScope, isNegator, type Analysis } from "./language/index.js";
import type { Token } from "./language/analyse.js";
import { clauseSpans, isClauseWord } from "./clause-spans.js";

/** The clause around a token from the answer's clause index (clause-spans.ts): a clause word ("but", "so") stands alone. */
const clauseAround = (a: Analysis, i: number): [number, number] => {
  const spans = clauseSpans(a);
  return [spans.start[i]!, spans.end[i]!];
};

/**
 * A point named, then turned down through a word that refers back to it: "A reranker would help, but it adds
 * latency, so skip it." / "Caching is an option; we won't need that." / "Some teams add a guardrail model. We
 * don't do this." / "A reranker? Not worth it." The refusal or dismissal is the one negation-scope.ts and
 * dismissal.ts read ("skip", "not worth", "no need for", "don't bother with", "that's overkill"), a speaker
 * declining a plan ("we won't need / don't do / wouldn't add"), or the same with the verb left out ("..., but
 * we won't."). It takes a pronoun or a demonstrative ("it", "that", "this", "them", "that step") whose
 * antecedent is read back, bounded: the nearest clause before it, in its sentence or the one before, that names
 * something of its own (a clause whose subject is the same pronoun, "but it adds latency", goes on speaking of
 * it). The whole of that clause is what is turned down.
 *
 * Kept whole: a refusal that is limited ("skip it only for internal tools", "we don't run it on internal
 * traffic", "skip it unless ...", "if latency is tight, skip it", "we don't need them all", "you don't need it
 * to be perfect") or turned after ("..., but now we do"), a negated refusal ("we can't skip it"), a pronoun that
 * points forward ("it is not necessary to re-rank"), and anything that takes the point up ("we considered X and
 * kept it", "X helps; do it first").
 */
export function referredTurnDown(a: Analysis, index: number): number {
  return marksOf(a).turned[index] ?? -1;
}

/**
 * Whether a token is in a refusal that a later word referring back turns down: "Some teams skip the evaluation
 * set, but we don't." / "Some teams skip evaluation. We don't do this." A double negative across two clauses:
 * the thing is taken up.
 */
export function referredTakenUp(a: Analysis, index: number): boolean {
  return (marksOf(a).taken[index] ?? -1) >= 0;
}

function marksOf(a: Analysis): Marks {
  let marks = cache.get(a);
  if (!marks) cache.set(a, (marks = mark(a)));
  return marks;
}
const cache = new WeakMap<Analysis, Marks>();

const REFERRING = new Set(["it", "this", "that", "these", "those", "them"]);
const THIRD_PERSON = new Set(["it", "they", "this", "that", "these", "those", "he", "she"]);
const SPEAKERS = new Set(["i", "we", "you"]);
/** What a speaker declines to do with the thing: "we won't need that", "we don't do this", "I wouldn't add it". */
const PLAN_VERBS = new Set([
  "need",
  "do",
  "use",
  "add",
  "want",
  "include",
  "implement",
  "recommend",
  "require",
  "build",
  "deploy",
  "keep",
  "run",
]);
/** Words that limit a refusal to some cases ("except", "unless"), and the scopes after it ("for internal tools", "on small indexes"). */
const LIMITS = new Set(["only", "except", "unless", "if", "when", "whenever", "where", "until", "outside"]);
const SCOPES = new Set(["for", "on", "below", "above", "under", "over", "beyond"]);
const REFUSALS = new Set(["skip", "omit", "forgo", "avoid", "neglect", "forget", "drop", "remove", "disable"]);
const NOT_SCOPES = new Set(["now", "us", "me", "our", "my", "you", "your"]);
const TURNS = new Set(["but", "though", "although", "yet"]);
const OPENING_LIMITS = new Set(["if", "unless", "when", "whenever", "where"]);
/** A verbless dismissal: "Not worth it.", "Not needed.", "No need." */
const VERBLESS = new Set(["worth", "needed", "necessary", "required", "needful", "need"]);
const NOUNS = new Set(["NOUN", "PROPN"]);
const VERBS = new Set(["VERB", "AUX"]);

/**
 * Per token, the sentence of the refusal that turns down the clause it is named in (`turned`), or that turns down
 * a refusal in it and so takes the thing up (`taken`: "Some teams skip evaluation, but we don't."); -1 for neither.
 */
type Marks = { turned: number[]; taken: number[] };

function mark(a: Analysis): Marks {
  const turned: number[] = new Array(a.tokens.length).fill(-1);
  const taken: number[] = new Array(a.tokens.length).fill(-1);
  // Each site with whether it stands for an action ("we don't do this", "but we won't") rather than a thing ("skip it").
  const sites = new Map<number, boolean>();
  a.tokens.forEach((t, i) => {
    if (!referring(a, i) || limited(a, i) || pointsForward(a, i)) return;
    if (declined(a, i)) sites.set(i, a.tokens[declinedVerb(a, i)]?.lemma === "do");
    else if (dismissedByScope(a, i)) sites.set(i, false);
  });
  for (const s of a.sentences) if (verblessDismissal(a, s.from, s.to)) sites.set(s.from, false);
  a.tokens.forEach((_, i) => {
    if (ellipticalRefusal(a, i) && !limited(a, i)) sites.set(i, true);
  });
  for (const [site, action] of sites) {
    const found = antecedent(a, site);
    if (!found) continue;
    const sentence = a.tokens[site]!.sentence;
    // Declining a refusal takes the thing up ("Some teams skip evaluation. We don't do this."); a thing refused
    // again ("... we don't need it either") is already turned down where it is named.
    const refusal = refuses(a, found[0], found[1]);
    if (refusal && !action) continue;
    for (let j = found[0]; j <= found[1]; j++) (refusal ? taken : turned)[j] = sentence;
  }
  return { turned, taken };
}

/**
 * Whether a clause itself denies or refuses something, by a word of its own ("skip", "without", "not"): what a
 * later clause dismisses of it (the refusal at hand) does not count.
 */
function refuses(a: Analysis, from: number, to: number): boolean {
  for (let j = from; j <= to; j++) {
    const t = a.tokens[j]!;
    if (isNegator(t) || REFUSALS.has(t.lemma) || t.word === "without") return true;
  }
  return false;
}

/** A pronoun, or a demonstrative before a noun ("that step"); "that" opening a clause of its own is neither. */
function referring(a: Analysis, i: number): boolean {
  const t = a.tokens[i]!;
  if (!REFERRING.has(t.word)) return false;
  const next = a.tokens[i + 1];
  if (t.pos === "DET") return !!next && NOUNS.has(next.pos) && sameClause(a, i, i + 1);
  if (t.pos === "PRON" && t.word !== "that") return true;
  // "that" as a pronoun ends its clause or is followed by a modifier ("we won't need that for now"), or opens its
  // clause as its subject ("; that's overkill"); after a noun it is a relative ("a model that is overkill").
  if (!next || !sameClause(a, i, i + 1) || ["ADV", "ADP", "PART"].includes(next.pos)) return true;
  return VERBS.has(next.pos) && clauseAround(a, i)[0] === i;
}

/** A speaker declining the thing: a negated plan verb with the pronoun as its object ("we won't need that"). */
function declined(a: Analysis, i: number): boolean {
  const [from] = clauseAround(a, i);
  const j = declinedVerb(a, i);
  const verb = a.tokens[j];
  if (!verb || j < from || !VERBS.has(verb.pos) || !PLAN_VERBS.has(verb.lemma)) return false;
  let negated = false;
  for (let k = j - 1; k >= from && k >= j - 5; k--) {
    const b = a.tokens[k]!;
    if (isNegator(b)) negated = true;
    else if (SPEAKERS.has(b.word)) return negated;
    else if (b.pos !== "AUX" && b.pos !== "ADV" && b.pos !== "PART") return false;
  }
  return false;
}

/** The verb right before a pronoun, past adverbs ("we don't really need it"). */
function declinedVerb(a: Analysis, i: number): number {
  let j = i - 1;
  while (j >= 0 && a.tokens[j]!.pos === "ADV") j--;
  return j;
}

/** "skip it only for internal tools", "skip it unless ...", "If latency is tight, skip it", "we don't need them all". */
function limited(a: Analysis, i: number): boolean {
  const [from, to] = clauseAround(a, i);
  if (limitIn(a, from, to)) return true;
  // A scope after the pronoun ("skip it for internal tools", "for those"; "for now" defers and "for us" speaks of the
  // speaker's case: neither limits).
  for (let j = i + 1; j <= Math.min(to, i + NEAR); j++)
    if (SCOPES.has(a.tokens[j]!.word) && !NOT_SCOPES.has(a.tokens[j + 1]?.word ?? "")) return true;
  const after = a.tokens[i + 1]?.word;
  if (after === "all" || after === "both") return true;
  // "you don't need it to be perfect" asks less of it, it does not turn it down.
  if (after === "to" && VERBS.has(a.tokens[i + 2]?.pos ?? "")) return true;
  const sentence = a.sentences[a.tokens[i]!.sentence]!;
  // A turn that follows ("we didn't use it at first, but now we do") qualifies the refusal.
  if (lastTurn(a)[a.tokens[i]!.sentence]! > i) return true;
  return OPENING_LIMITS.has(a.tokens[sentence.from]!.word);
}

/**
 * A speaker's refusal with its verb phrase left out, ending its clause: "We could add a guardrail model, but we
 * won't.", "..., but I wouldn't.", "Caching? We won't bother." The refusal at `i` is its negator.
 */
function ellipticalRefusal(a: Analysis, i: number): boolean {
  const t = a.tokens[i]!;
  if (!isNegator(t)) return false;
  const [from, to] = clauseAround(a, i);
  let end = i;
  if (a.tokens[i + 1]?.lemma === "bother" && i + 1 <= to) end = i + 1;
  if (end !== to) return false;
  let k = i - 1;
  while (k >= from && (a.tokens[k]!.pos === "AUX" || a.tokens[k]!.pos === "ADV")) k--;
  return k >= from && k < i - (end === i ? 1 : 0) && SPEAKERS.has(a.tokens[k]!.word) && (k === from || a.tokens[k - 1]!.pos === "CCONJ");
}

/** "It is not necessary to re-rank", "it's not worth it to add X": a subject "it" that stands for what follows. */
function pointsForward(a: Analysis, i: number): boolean {
  if (a.tokens[i]!.word !== "it" || !VERBS.has(a.tokens[i + 1]?.pos ?? "")) return false;
  const [, to] = clauseAround(a, i);
  for (let j = i + 2; j <= Math.min(to, i + NEAR); j++) {
    const t = a.tokens[j]!;
    if ((t.word === "to" && VERBS.has(a.tokens[j + 1]?.pos ?? "")) || t.pos === "SCONJ") return true;
  }
  return false;
}

/** "Not worth it.", "Not needed.", "No need.": a sentence with no verb that only dismisses. */
function verblessDismissal(a: Analysis, from: number, to: number): boolean {
  const first = a.tokens[from]!;
  if (first.word !== "not" && first.word !== "no") return false;
  let j = from + 1;
  while (j < to && a.tokens[j]!.pos === "ADV") j++;
  const head = a.tokens[j];
  if (!head || j >= to || !VERBLESS.has(head.word) || (head.word === "need" && first.word !== "no")) return false;
  for (let k = from; k < to; k++) if (VERBS.has(a.tokens[k]!.pos) && a.tokens[k] !== head) return false;
  return to - from <= 4;
}

/**
 * The clause the refusal at `site` points back to: the nearest one before its own clause, in its sentence or the
 * one before, that names something (a noun or a gerund) other than through a third-person pronoun subject.
 */
function antecedent(a: Analysis, site: number): [number, number] | null {
  const sentence = a.tokens[site]!.sentence;
  const bound = a.sentences[Math.max(0, sentence - 1)]!.from;
  let [from] = clauseAround(a, site);
  for (let steps = 0; steps < BACK && from - 1 >= bound;) {
    const [f, t] = clauseAround(a, from - 1);
    if (isClauseWord(a, f)) {
      from = f;
      continue;
    }
    if (names(a, f, t)) return [f, t];
    from = f;
    steps++;
  }
  return null;
}

/** Whether a clause names a thing of its own: a noun or gerund, with a subject that is not a pronoun standing for something earlier. */
function names(a: Analysis, from: number, to: number): boolean {
  let named = false;
  for (let j = from; j <= to; j++) {
    const t: Token = a.tokens[j]!;
    if (VERBS.has(t.pos) && !named) {
      // A subject pronoun before the verb ("but it adds latency") speaks of the same thing as the refusal.
      for (let k = from; k < j; k++) if (a.tokens[k]!.pos === "PRON" && THIRD_PERSON.has(a.tokens[k]!.word)) return false;
    }
    if (NOUNS.has(t.pos) || (t.pos === "VERB" && t.word.endsWith("ing"))) named = true;
  }
  return named;
}

/** How far a limit or a forward "to" is looked for after the pronoun, and how many clauses back its antecedent. */
const NEAR = 8;
const BACK = 4;

/** Whether a clause holds a word that limits a refusal, read once per clause. */
function limitIn(a: Analysis, from: number, to: number): boolean {
  let byStart = limits.get(a);
  if (!byStart) limits.set(a, (byStart = new Map()));
  let has = byStart.get(from);
  if (has === undefined) {
    has = false;
    for (let j = from; j <= to && !has; j++) has = LIMITS.has(a.tokens[j]!.word);
    byStart.set(from, has);
  }
  return has;
}
const limits = new WeakMap<Analysis, Map<number, boolean>>();

/** Per sentence, the last token that turns it ("but", "though"), or -1. */
function lastTurn(a: Analysis): number[] {
  let out = turns.get(a);
  if (!out) {
    out = a.sentences.map(() => -1);
    a.tokens.forEach((t, i) => {
      if (TURNS.has(t.word)) out![t.sentence] = i;
    });
    turns.set(a, out);
  }
  return out;
}
const turns = new WeakMap<Analysis, number[]>();

function sameClause(a: Analysis, i: number, j: number): boolean {
  const [from, to] = clauseAround(a, i);
  return j >= from && j <= to;
}
