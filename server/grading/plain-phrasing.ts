import type { Question } from "../scenarios/index.js";
import { negatedAt, sentenceTemplates, type Analysis } from "./language/index.js";
import { dismissedByScope } from "./language/negation-scope.js";
import { authoredConcept, linkedConcepts, plainPhrasing, saysConcept, type DomainConcept } from "./language/domain-lexicon/index.js";
import { otherWordsKey, type OtherWordsHit } from "./paraphrase.js";
import { relatesWords } from "./statement-shape.js";

/**
 * A key point stated in the plain words engineers use for its concept, read through the domain lexicon
 * (language/domain-lexicon/): "send a small share of traffic to the new version first" for a canary, "keep the
 * attention keys and values of earlier tokens" for a KV cache. paraphrase.ts reads what the pack and WordNet know
 * of a point's words; technical terms have no useful WordNet senses, so this reads what the lexicon knows of its
 * concept.
 *
 * A claim sentence states a key point this way when it has a statement's shape (statement-shape.ts), one of the
 * plain phrasings of a concept the point's terms name is in it, none of the phrasing's words is negated or dismissed
 * (unless the phrasing is itself a denial: "is never charged twice"), and it says none of the concept's sisters
 * or opposites ("first in, first out" beside "last in, first out" is a contrast). A sentence states at most one
 * point this way, the one with the longest phrasing (ties: the rubric's order); one that says three points or more
 * this way is a list or a salad of phrasings and states none, and three sentences or more of one frame, each with a
 * phrasing, are a template of definitions (sentence-template.ts) and state none.
 */
type Point = { key: string; concepts: DomainConcept[] };

/** One sentence saying this many of a question's points in plain phrasings says them as a list, not a design. */
const SALAD_POINTS = 3;
/** Words of a sentence's opening that three sentences with phrasings may not share. */
const OPENING = 4;

/** Measurement only: GRADER_LEXICON=off reads without the lexicon, as before (docs/grading-history.md, Session 13, "lexicon"). */
const ON = process.env.GRADER_LEXICON !== "off";

const points = new WeakMap<Question, Point[]>();

/** The key points of a question that name a lexicon concept or carry their own phrasings, with their concepts: once per question. */
function pointsOf(q: Question): Point[] {
  let known = points.get(q);
  if (known) return known;
  known = [];
  for (const c of q.rubric)
    for (const k of c.evidence.concepts) {
      const key = otherWordsKey(c.id, k.label);
      // The pack's own phrasings of the point ("also said as"), beside the lexicon's for the concepts it names.
      const own = k.plain?.length ? [authoredConcept(`pack:${key}`, k.terms, k.plain)] : [];
      const concepts = [...own, ...linkedConcepts(k.terms)];
      if (concepts.length) known.push({ key, concepts });
    }
  points.set(q, known);
  return known;
}

const read = new WeakMap<Analysis, WeakMap<Point[], Map<string, OtherWordsHit>>>();

/** The key points (criterion id and label, joined by "\u0000") some claim sentence states in a concept's plain words. */
export function statedInPlainPhrasing(q: Question, a: Analysis, claims: ReadonlySet<number>): Map<string, OtherWordsHit> {
  if (!ON) return new Map();
  const ps = pointsOf(q);
  let byQuestion = read.get(a);
  if (!byQuestion) read.set(a, (byQuestion = new WeakMap()));
  let found = byQuestion.get(ps);
  if (found) return found;
  found = new Map();
  const said: { key: string; hit: OtherWordsHit }[] = [];
  if (ps.length)
    for (const i of [...claims].sort((x, y) => x - y)) {
      const best = bestPoint(ps, a, i);
      if (best) said.push(best);
    }
  // One frame filled with a phrasing per point ("We always make sure that we <phrasing>.", three times or more)
  // is a template of definitions, not a design: sentence-template.ts reads the phrasings as its terms.
  const inPhrasing = (at: number) => said.some(({ hit }) => at >= hit.at && at < hit.at + hit.length);
  const templated = said.length >= 3 ? new Set(sentenceTemplates(a, () => false, inPhrasing).templated) : new Set<number>();
  // Nor is one opening repeated before each phrasing ("We always make sure that ..."): the frame is the same even
  // where the phrasings bring their own prepositions.
  const openings = new Map<string, number[]>();
  for (const { hit } of said) {
    const sentence = a.sentences[hit.sentence]!;
    const opening = a.tokens
      .slice(sentence.from, Math.min(sentence.to, sentence.from + OPENING))
      .map((t) => t.lemma)
      .join(" ");
    openings.set(opening, [...(openings.get(opening) ?? []), hit.sentence]);
  }
  for (const sentences of openings.values()) if (sentences.length >= 3) for (const i of sentences) templated.add(i);
  for (const { key, hit } of said) if (!templated.has(hit.sentence) && !found.has(key)) found.set(key, hit);
  byQuestion.set(ps, found);
  return found;
}

function bestPoint(ps: Point[], a: Analysis, i: number): { key: string; hit: OtherWordsHit } | null {
  if (!relatesWords(a, i)) return null;
  const s = a.sentences[i]!;
  let best: { key: string; at: number[] } | null = null;
  const stated = new Set<string>();
  for (const p of ps)
    for (const c of p.concepts) {
      const said = plainPhrasing(c, a, s.from, s.to);
      if (!said) continue;
      if (!said.pattern.negative && denied(a, s.from, said.at)) continue;
      if (c.not.some((sister) => !p.concepts.includes(sister) && saysConcept(sister, a, i))) continue;
      stated.add(p.key);
      if (!best || said.at.length > best.at.length) best = { key: p.key, at: said.at };
    }
  // Phrasings of SALAD_POINTS points or more in one sentence are a list or a salad of them, however glued.
  if (!best || stated.size >= SALAD_POINTS) return null;
  const from = a.tokens[best.at[0]!]!;
  const to = a.tokens[best.at[best.at.length - 1]!]!;
  return { key: best.key, hit: { at: from.at, length: to.at + to.word.length - from.at, sentence: i } };
}

/**
 * A phrasing's words negated or dismissed, or the verb it is the object of ("we never turn the bot on for a small
 * share of customers first").
 */
function denied(a: Analysis, from: number, at: number[]): boolean {
  const no = (k: number) => negatedAt(a, k, 2) || dismissedByScope(a, k);
  if (at.some(no)) return true;
  for (let j = at[0]! - 1; j >= Math.max(from, at[0]! - 8); j--) if (a.tokens[j]!.pos === "VERB") return no(j);
  return false;
}
