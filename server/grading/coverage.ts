import type { Criterion } from "../scenarios/index.js";
import {
  analyse,
  claimSentences,
  findLemmaTerm,
  isNegativeTerm,
  hypothetical,
  lemmaTermPositions,
  negatedAt,
  negatedByScope,
  retracted,
  termSpan,
  type Analysis,
  type ClaimOptions,
} from "./language/index.js";
import { findTerm } from "./match.js";
import { quoteAround } from "./quote.js";
import { saidOfOther, type Roles } from "./roles.js";
import { hedged, type HedgeContext } from "./hedge.js";
import { crosswise, type Poles } from "./pole-opposites.js";
import { readPoints } from "./pole-reading.js";
import { rejectedOption } from "./rejected-option.js";
import { oppositePractice } from "./opposite-practice.js";
import { valueOpposites, type Values } from "./value-opposites.js";
import { referredTakenUp, referredTurnDown } from "./referred-turn-down.js";
import { otherWordsKey, statedInOtherWords } from "./paraphrase.js";
import { disownedAct } from "./disowned-act.js";
import { statedInPlainPhrasing } from "./plain-phrasing.js";
import type { Question } from "../scenarios/index.js";

/** `at`: where in the prose the point is stated (absent for code), so a later denial can be compared with it. */
/** `sentence`: the prose sentence it was counted in (absent for code). */
export type ConceptHit = { label: string; quote: string; at?: number; sentence?: number };
/**
 * `hedged`: concepts found only as one of rival alternatives ("LIFO or FIFO"; see hedge.ts).
 * `capped`: concepts named in a claim but not counted, their sentence having already named MAX_CONCEPTS_PER_SENTENCE.
 */
export type Coverage = { hits: ConceptHit[]; total: number; hedged: string[]; capped?: string[]; disowned?: number[] };

/** One sentence names at most this many of a criterion's concepts: a packed sentence is a list in disguise. */
export const MAX_CONCEPTS_PER_SENTENCE = 3;

/**
 * Which of a criterion's evidence concepts an answer shows, with a quote for
 * each. In prose, evidence counts only in sentences that make a claim (see
 * claimSentences), a term matches its inflections ("children" for "child"),
 * and polarity counts: "no children" is not "with children", and a term the
 * candidate negates ("is not connected", "we would not evaluate") is not
 * evidence. In code, `not` is an operator, so only the plain term match applies.
 */
export function conceptCoverage(
  criterion: Criterion,
  answer: string,
  options: {
    prose?: boolean;
    isTerm?: (word: string) => boolean;
    roles?: Roles | null;
    /** Conditions learnt from the pack for each key point (poles.ts): a crosswise pairing is no statement of it. */
    poles?: Poles | null;
    /** Value words learnt from the pack for each key point (value-opposites.ts): a term in a sentence giving its value the other way is no statement of it. */
    values?: Values | null;
    /** Terms of the question's other criteria: offered as an alternative to a term, they make it a hedge. */
    otherTerms?: readonly string[];
    /** One fact asked (one criterion, or a short-answer item): acronyms and other criteria's terms rival (hedge.ts). */
    factual?: boolean;
    /** The question, to read key points stated in plain words, without their terms (paraphrase.ts). */
    question?: Question;
    /** A story's action criterion: only acts the candidate took count (disowned-act.ts). */
    acts?: boolean;
    /** Sentences that earn nothing, whatever they name (spread-sentence.ts). */
    barred?: ReadonlySet<number>;
  } & ClaimOptions = {},
): Coverage {
  const lower = answer.toLowerCase();
  const prose = options.prose ?? true;
  const hits: ConceptHit[] = [];
  if (!prose) {
    for (const concept of criterion.evidence.concepts) {
      for (const term of concept.terms) {
        const at = findTerm(lower, term, { code: true });
        if (at >= 0) {
          hits.push({ label: concept.label, quote: quoteAround(answer, at, term.length) });
          break;
        }
      }
    }
    return { hits, total: criterion.evidence.concepts.length, hedged: [] };
  }
  const a = analyse(answer);
  const claims = new Set(
    claimSentences(a, options.isTerm, {
      story: options.story ?? false,
      listAnswers: options.listAnswers ?? false,
      set: options.set ?? null,
    }),
  );
  for (const i of options.barred ?? []) claims.delete(i);
  // A story's result criterion reads what happened: a plan ("I'd send a weekly dashboard") is no outcome yet.
  if (options.story && resultOnly(criterion)) for (const i of [...claims]) if (hypothetical(a, i)) claims.delete(i);
  const perSentence = new Map<number, number>();
  // A short-answer item is answered by a list ("mutual exclusion, hold and wait, no preemption and circular
  // wait"): there a sentence may name every point.
  const cap = options.listAnswers ? Infinity : MAX_CONCEPTS_PER_SENTENCE;
  const hedge: HedgeContext = {
    criterion,
    otherTerms: options.otherTerms ?? [],
    roles: options.roles ?? null,
    factual: options.factual ?? options.listAnswers ?? false,
  };
  const hedgedLabels: string[] = [];
  const capped: string[] = [];
  const turnedValues = options.values ? valueOpposites(a, claims, options.values) : null;
  // Sentences telling an act the candidate did not take: they earn no similarity either (grade-question.ts).
  const disownedIn = new Set<number>();
  for (const concept of criterion.evidence.concepts) {
    // A term paired with the other end of its key point's condition ("a LOWER temperature makes it more
    // random") states the opposite, not the point (pole-opposites.ts).
    const poles = options.poles?.get(concept.label) ? options.poles : null;
    // Nor is a recommended option named only to reject it ("X adds latency, whereas Y ..."; rejected-option.ts).
    // Nor is a term in a sentence that gives the point's value the other way ("HNSW is an exact nearest-neighbour
    // index"; value-opposites.ts).
    const turned = new Set((turnedValues?.get(concept.label) ?? []).map((i) => a.tokens[i]!.sentence));
    const crossed = (ti: number, term: string) =>
      (poles !== null && crosswise(a, ti, term, readPoints(a, criterion, poles).get(concept)!)) ||
      rejectedOption(a, ti, concept.label) ||
      turned.has(a.tokens[ti]!.sentence) ||
      // Nor one a later "skip it" / "we won't need that" turns down (referred-turn-down.ts), nor one the
      // candidate takes back ("Cache per user. Actually no, cache globally."; language/retraction.ts).
      referredTurnDown(a, ti) >= 0 ||
      retracted(a, ti) ||
      // Nor the point's noun said of the practice it warns against ("log everything including user PII", "full
      // permissions" against least privilege; opposite-practice.ts).
      oppositePractice(a, ti, term, concept);
    // In a story's action criterion, an act someone else took or that never happened is none of the candidate's.
    const disowned = options.acts ? (ti: number) => disownedAct(a, ti) && !!disownedIn.add(a.tokens[ti]!.sentence) : () => false;
    const seen = { hedged: false };
    let hit = firstHit(a, lower, concept.terms, claims, perSentence, options.roles ?? null, cap, hedge, seen, crossed, disowned);
    // A key point that is an absence ("no output schema", "without a null path") is stated by the thing said to be
    // missing: "the prompt has no output schema" agrees with it as "lacks an output schema" does (an outside tester's
    // diagnosis lost the point for saying "no").
    const absent = absentThings(concept);
    if (!hit && absent.length)
      hit = firstHit(a, lower, absent, claims, perSentence, options.roles ?? null, cap, hedge, seen, crossed, disowned, true);
    if (!hit && seen.hedged) hedgedLabels.push(concept.label);
    // Not named, but stated in plain words ("try again, waiting twice as long each time"; paraphrase.ts).
    if (!hit && !seen.hedged && options.question) {
      const key = otherWordsKey(criterion.id, concept.label);
      // Or in the plain words engineers use for the concept it names (plain-phrasing.ts, the domain lexicon).
      const said = statedInOtherWords(options.question, a, claims).get(key) ?? statedInPlainPhrasing(options.question, a, claims).get(key);
      if (said && claims.has(said.sentence) && (perSentence.get(said.sentence) ?? 0) < cap && !disowned(tokenAt(a, said.at))) hit = said;
    }
    if (!hit) {
      // Named, but only in a sentence already full: the report says so rather than "not shown".
      if (
        cap !== Infinity &&
        firstHit(a, lower, concept.terms, claims, perSentence, options.roles ?? null, Infinity, hedge, { hedged: false }, crossed, disowned)
      )
        capped.push(concept.label);
      continue;
    }
    perSentence.set(hit.sentence, (perSentence.get(hit.sentence) ?? 0) + 1);
    hits.push({ label: concept.label, quote: quoteAround(answer, hit.at, hit.length), at: hit.at, sentence: hit.sentence });
  }
  const own = new Set(hits.map((h) => (h.at === undefined ? -1 : a.tokens[tokenAt(a, h.at)]?.sentence)));
  const disowned = [...disownedIn].filter((i) => !own.has(i));
  return { hits, total: criterion.evidence.concepts.length, hedged: hedgedLabels, capped, disowned };
}

function firstHit(
  a: Analysis,
  lower: string,
  terms: string[],
  claims: Set<number>,
  perSentence: Map<number, number>,
  roles: Roles | null,
  cap: number,
  hedge: HedgeContext,
  seen: { hedged: boolean },
  crossed: (ti: number, term: string) => boolean = () => false,
  disowned: (ti: number) => boolean = () => false,
  /** The terms name a thing the key point says is absent: said as missing ("no schema"), they state it. */
  absence = false,
): { at: number; length: number; sentence: number } | null {
  // A term the references pair with the other entity of a contrast does not count ("A stack is FIFO"; see roles.ts),
  // nor one paired with the other end of its condition.
  const swapped = (ti: number, term: string) => (roles !== null && saidOfOther(roles, a, ti, term)) || crossed(ti, term);
  const open = (s: number) => claims.has(s) && (perSentence.get(s) ?? 0) < cap;
  let best: { at: number; length: number; sentence: number } | null = null;
  for (const term of terms) {
    // The term's polarity, read once per term here (a look-up by the term's text), not once per place it is found.
    const termNegative = isNegativeTerm(term);
    // The term as written, at a word start ("retr" finds "retries"), unless the candidate negates it.
    let from = 0;
    while (from <= lower.length) {
      const abs = findTerm(lower, term, { skipNegated: !absence, from });
      if (abs < 0) break;
      const ti = tokenAt(a, abs);
      const sentence = ti >= 0 ? a.tokens[ti]!.sentence : -1;
      // A negative term under a wider negation is denied twice: "does not need ..., no preemption or ..." rejects it.
      const polarity = absence || (termNegative ? !negatedByScope(a, ti) : !negatedAt(a, ti, 2));
      if (ti >= 0 && open(sentence) && polarity && !swapped(ti, term) && !disowned(ti)) {
        // Offered as one of rival alternatives ("LIFO or FIFO"), the term is not stated (hedge.ts).
        if (!hedged(a, ti, abs, abs + term.length, term, hedge)) {
          if (!best || abs < best.at) best = { at: abs, length: term.length, sentence };
          break;
        }
        seen.hedged = true;
      }
      from = abs + 1;
    }
    // The term's lemmas with their polarity ("not connect" finds "isn't connected").
    const li = findLemmaTerm(a, term, open, (i) => {
      const [start, end] = termSpan(a, i, term);
      if (disowned(i)) return false;
      const is = hedged(a, i, start, end, term, hedge);
      if (is) seen.hedged = true;
      return !is;
    });
    if (li >= 0 && !(termNegative && negatedByScope(a, li - 1)) && !swapped(li, term)) {
      const t = a.tokens[li]!;
      if (!best || t.at < best.at) best = { at: t.at, length: t.word.length, sentence: t.sentence };
    }
    // A refusal turned down by a word referring back to it takes the thing up: "Some teams skip the evaluation
    // set, but we don't." (referred-turn-down.ts).
    if (!termNegative)
      for (const i of lemmaTermPositions(a, term).positions) {
        const t = a.tokens[i]!;
        if (!referredTakenUp(a, i) || !open(t.sentence) || swapped(i, term) || disowned(i)) continue;
        if (!best || t.at < best.at) best = { at: t.at, length: t.word.length, sentence: t.sentence };
        break;
      }
  }
  return best;
}

/**
 * The terms of a key point that is an absence and that name the absent thing itself: "schema" for "no output
 * schema". Not a means of avoiding something ("cache" for "avoids recomputation"), whose negation is no agreement.
 */
function absentThings(concept: Criterion["evidence"]["concepts"][number]): string[] {
  if (!ABSENCE.test(concept.label)) return [];
  const named = new Set(concept.label.toLowerCase().match(/[a-z0-9]+/g) ?? []);
  return concept.terms.filter((term) => {
    if (isNegativeTerm(term)) return false;
    const head = term
      .toLowerCase()
      .match(/[a-z0-9]+/g)
      ?.pop();
    return head !== undefined && head.length > 2 && (named.has(head) || named.has(head.replace(/s$/, "")) || named.has(`${head}s`));
  });
}
/** A label saying something is missing: "no output schema", "without a null path", "missing a stop condition". */
const ABSENCE = /\b(?:no|without|missing|lacks?|lacking|absent)\b/i;

/** A criterion that asks only for the story's result (its one check is STAR's result). */
const resultOnly = (c: Criterion) => c.evidence.checks?.length === 1 && c.evidence.checks[0] === "result";

/** The token covering a character offset (binary search), or -1. */
function tokenAt(a: Analysis, offset: number): number {
  let lo = 0;
  let hi = a.tokens.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a.tokens[mid]!.at <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** 0 when nothing was shown, otherwise the covered fraction on the 0-4 scale (at least 1). */
export function coverageScore({ hits, total }: { hits: unknown[]; total: number }): number {
  if (hits.length === 0 || total === 0) return 0;
  return Math.max(1, Math.round((4 * hits.length) / total));
}
