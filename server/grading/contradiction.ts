import type { Criterion } from "../scenarios/index.js";
import { clauseAround, saidOfOther, type Roles } from "./roles.js";
import {
  absentAt,
  removal,
  analyse,
  analyseTerm,
  claimSentences,
  deniesOwnTerm,
  isNegativeTerm,
  isNegator,
  lemmaTermPositions,
  negatedAt,
  retracted,
  termSpan,
  type Analysis,
  type ClaimOptions,
} from "./language/index.js";
import { hedged, type HedgeContext } from "./hedge.js";
import { clauseSubject, sameSubject } from "./clause-subject.js";
import { poleOpposites, type Poles } from "./pole-opposites.js";
import type { ConceptHit } from "./coverage.js";
import { describedPoint } from "./poles.js";
import { deniedPoints } from "./denied-points.js";
import { valueOpposites, type Values } from "./value-opposites.js";
import { turnedDownLater } from "./later-turn-down.js";
import { sensesOf } from "./language/wordnet.js";

/**
 * Every key point of a criterion the answer states the opposite of, stated or
 * not. `opposite`: points the answer only contradicts (by negation, as above,
 * or by pairing a condition crosswise, pole-opposites.ts; `described`: those of
 * them written as more than a bare word, see poles.ts describedPoint). `both`: points the
 * answer states and also denies of the same thing ("A tokenizer splits text
 * into subword tokens. It does not split text"): a statement taken back earns
 * nothing. A denial said of something else is a contrast and leaves the point
 * standing ("a leaf has no children, unlike an internal node, which has
 * children"; "threads share memory; processes do not share memory"): the
 * denial must speak of the stating clause's subject, or name none.
 *
 * By negation, only a clear opposite counts: a negative point ("no children")
 * is contradicted where its words appear with no negation anywhere near, and a
 * positive one where a negation governs the term itself ("is not connected"),
 * or the verb the key point is stated with ("doesn't save any cost" against
 * "saves cost"), never another word of the clause ("there is no gap between
 * the battery and ..." does not deny "battery"). On a question contrasting two
 * things (see roles.ts), a point affirmed of the other one is turned around
 * too ("A stack is FIFO"). Terms are matched as lemmas, so a stem-prefix term
 * ("retr") is never contradicted.
 */
export function contradictions(
  criterion: Criterion,
  prose: string,
  hits: readonly ConceptHit[],
  options: {
    isTerm?: (word: string) => boolean;
    roles?: Roles | null;
    poles?: Poles | null;
    /** The value words of the key points, learnt from the pack (value-opposites.ts): a value said the other way is an opposite. */
    values?: Values | null;
    /**
     * Whether a stated point can be taken back: on a question that asks what something is or does. A story
     * ("it had no criteria ... I rewrote it with criteria"), a diagnosis with its fix, or code tells a change
     * or two states, where a denial beside an affirmation is no contradiction.
     */
    takeBack?: boolean;
    /** Terms of the question's other criteria, and whether one fact is asked: what makes a fork a hedge (hedge.ts). */
    otherTerms?: readonly string[];
    factual?: boolean;
  } & ClaimOptions = {},
): Contradictions {
  const opposite: string[] = [];
  const both: string[] = [];
  if (!prose.trim()) return { opposite, described: [], both, denied: { labels: [], sentences: [] } };
  const a = analyse(prose);
  const claims = claimSentences(a, options.isTerm, {
    story: options.story ?? false,
    listAnswers: options.listAnswers ?? false,
    set: options.set ?? null,
  });
  const roles = options.roles ?? null;
  const hedge: HedgeContext = {
    criterion,
    otherTerms: options.otherTerms ?? [],
    roles,
    factual: options.factual ?? options.listAnswers ?? false,
  };
  const byPole = options.poles ? poleOpposites(criterion, a, claims, options.poles) : new Map<string, number[]>();
  const byValue = options.values ? valueOpposites(a, claims, options.values) : new Map<string, number[]>();
  // A diagnosis (the criterion names the fault's layer) is told beside its fix: see oppositeAt.
  const diagnosis = criterion.evidence.checks.includes("fault-class");
  for (const c of criterion.evidence.concepts) {
    const verbs = labelVerbs(c.label);
    const hit = hits.find((h) => h.label === c.label);
    // Recommended, then turned down ("Use retries with backoff. ... Retries are not needed here."): the last word
    // on it counts (later-turn-down.ts).
    const statedAt = hit?.at === undefined ? -1 : tokenAtOffset(a, hit.at);
    if (hit && options.takeBack && statedAt >= 0 && turnedDownLater(c, a, claims, statedAt, hedge, roles)) {
      both.push(c.label);
      continue;
    }
    // A bare-word point is taken back by nothing (poles.ts, describedPoint), nor is any point where the answer
    // tells a change over time (see `takeBack`).
    if (hit && (!describedPoint(c) || !options.takeBack)) continue;
    // Taken back only by a denial of a positive term: a negative point's words without a negation ("no
    // rubric" against "the rubric") are too often the fix beside the fault. A point said of the other thing
    // a contrast question names is a contrast, never a point taken back.
    // A point whose label already denies its term ("avoids recomputation", "no retraining") is agreed with by a
    // negation of that term ("they are not recomputed"): negations neither contradict it nor take it back.
    const read = deniesOwnTerm(c.label) ? c.terms.filter((t) => isNegativeTerm(t)) : c.terms;
    const terms = hit ? read.filter((t) => !isNegativeTerm(t)) : read;
    const at = [
      ...terms.flatMap((term) => oppositeAt(a, term, claims, hit ? null : roles, verbs, hedge, diagnosis)),
      ...(byPole.get(c.label) ?? []),
      ...(byValue.get(c.label) ?? []),
    ];
    if (!at.length) continue;
    if (!hit) {
      opposite.push(c.label);
      continue;
    }
    // Stated in code, or at no known place: the prose denial cannot be compared with it, so it stands.
    if (hit.at === undefined) continue;
    const stating = tokenAtOffset(a, hit.at);
    if (stating < 0) continue;
    const subject = clauseSubject(a, stating);
    if (at.some((i) => i !== stating && sameSubject(clauseSubject(a, i), subject))) both.push(c.label);
  }
  const described = new Set(criterion.evidence.concepts.filter(describedPoint).map((c) => c.label));
  const denied = deniedPoints(
    criterion,
    a,
    claims,
    hits.map((h) => h.label),
    hedge,
    roles,
  );
  // A value said the other way of the point's own subject is an opposite beside stated points too, bare word or not.
  return { opposite, described: opposite.filter((l) => byPole.has(l) || byValue.has(l) || described.has(l)), both, denied };
}

/** `denied`: the points turned down (denied, dismissed, rejected) and the sentences that do it (denied-points.ts). */
export type Contradictions = {
  opposite: string[];
  described: string[];
  both: string[];
  denied: { labels: string[]; sentences: number[] };
};

function tokenAtOffset(a: Analysis, offset: number): number {
  let found = -1;
  for (let i = 0; i < a.tokens.length && a.tokens[i]!.at <= offset; i++) found = i;
  return found;
}

/** Any negation before the word in its sentence: a negative point is contradicted only by a plainly positive sentence. */
function negatedEarlier(a: Analysis, index: number): boolean {
  const sentence = a.tokens[index]!.sentence;
  for (let i = index - 1; i >= 0 && a.tokens[i]!.sentence === sentence; i--) if (isNegator(a.tokens[i]!)) return true;
  return negatedAt(a, index);
}

/** The tokens where a term is stated the other way round. */
function oppositeAt(
  a: Analysis,
  term: string,
  claims: ReadonlySet<number>,
  roles: Roles | null,
  verbs: ReadonlySet<string>,
  hedge: HedgeContext,
  diagnosis: boolean,
): number[] {
  const { positions, negative } = lemmaTermPositions(a, term);
  return positions.filter((i) => {
    if (!claims.has(a.tokens[i]!.sentence) || retracted(a, i)) return false;
    // One side of a fork ("connected or not connected") states neither side (hedge.ts).
    const [start, end] = termSpan(a, i, term);
    if (hedged(a, i, start, end, term, hedge)) return false;
    // Said of the other thing a contrast question names, a point is turned around when it is affirmed
    // ("A stack is FIFO": the queue's), and agrees when it is denied ("Processes do not share memory").
    if (roles && saidOfOther(roles, a, i, term)) return !negative && !negatedAt(a, i, 3, { head: true });
    // A negative point's thing taken away agrees with it ("kill the shell tool"); kept on purpose, it is the opposite.
    // A diagnosis is told beside its fix: an order that supplies the missing thing is the fix, and agrees with the
    // fault ("List the labels in the prompt" against "label set not given"; audit 18 reported a right fix as the
    // opposite of its diagnosis). A fix's own prohibitions ("no markdown") are not read so: there an order is one.
    if (negative && diagnosis && inOrder(a, i)) return false;
    if (negative) return removal(a, i, term) === "kept" || (!negatedEarlier(a, i) && !absentAt(a, i, term));
    return negatedAt(a, i, 3, { head: true }) || deniedVerb(a, i, verbs);
  });
}

/** Words an order may open with before its verb: "please", "then", "I'd", "we should". */
const ORDER_OPENERS = new Set([
  "please",
  "then",
  "also",
  "just",
  "first",
  "and",
  "so",
  "instead",
  "simply",
  "i'd",
  "we'd",
  "i",
  "we",
  "you",
  "would",
  "should",
  "'d",
  "must",
  "need",
  "to",
]);

/** The clause around a token opens with a verb in its base form: an order ("List the labels", "I'd add a rule"). */
function inOrder(a: Analysis, index: number): boolean {
  const [from, to] = clauseAround(a, index);
  for (let j = from; j <= Math.min(to, from + 4); j++) {
    const t = a.tokens[j]!;
    if (t.pos === "PUNCT" || ORDER_OPENERS.has(t.word)) continue;
    if (t.pos === "VERB") return t.lemma === t.word;
    // A sentence's first word is often read as a name or a noun ("List the labels"): a word WordNet knows as a
    // verb, right before an article, opens an order there.
    const next = a.tokens[j + 1];
    return (
      (t.pos === "PROPN" || t.pos === "NOUN") &&
      (j === 0 || a.tokens[j - 1]!.sentence !== t.sentence) &&
      next?.pos === "DET" &&
      sensesOf(t.word).some((s) => s.pos === "verb")
    );
  }
  return false;
}

/** Verbs too general to carry a key point: "does not have" says nothing of which point. */
const LIGHT_VERBS = new Set(["be", "have", "do", "make", "get", "use", "go", "take", "give"]);

/**
 * The verbs a key point's label states it with ("saves cost / API calls" -> save). The label's alone: worked out
 * once per label, not once per answer and criterion (the set is only read).
 */
function labelVerbs(label: string): ReadonlySet<string> {
  let verbs = labelVerbsKnown.get(label);
  if (!verbs) {
    verbs = new Set(
      analyseTerm(label)
        .tokens.filter((t) => t.pos === "VERB" && !LIGHT_VERBS.has(t.lemma))
        .map((t) => t.lemma),
    );
    if (labelVerbsKnown.size >= LABEL_VERBS_LIMIT) labelVerbsKnown.clear();
    labelVerbsKnown.set(label, verbs);
  }
  return verbs;
}
const labelVerbsKnown = new Map<string, ReadonlySet<string>>();
/** Far more than one pack's labels (the public sets' authored packs have thousands), as analyseTerm's own bound. */
const LABEL_VERBS_LIMIT = 20_000;

/**
 * The term is the object of a denied verb the key point is stated with, in its
 * clause: "It doesn't save any cost" against "saves cost". The negation's head
 * (the first content word after it) must be that verb.
 */
function deniedVerb(a: Analysis, index: number, verbs: ReadonlySet<string>): boolean {
  if (!verbs.size) return false;
  const [from] = clauseAround(a, index);
  for (let n = index - 1; n >= from; n--) {
    if (!isNegator(a.tokens[n]!)) continue;
    for (let h = n + 1; h < index; h++) {
      const t = a.tokens[h]!;
      if (t.pos === "AUX" || t.pos === "PART" || t.pos === "ADV") continue;
      return verbs.has(t.lemma);
    }
    return false;
  }
  return false;
}
