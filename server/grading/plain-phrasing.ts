import type { Question } from "../scenarios/index.js";
import { negatedAt, type Analysis } from "./language/index.js";
import { dismissedByScope } from "./language/negation-scope.js";
import { linkedConcepts, plainPhrasing, saysConcept, type DomainConcept } from "./language/domain-lexicon/index.js";
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
 * point this way, the one with the longest phrasing (ties: the rubric's order): a salad of phrasings earns one.
 */
type Point = { key: string; concepts: DomainConcept[] };

/** Measurement only: GRADER_LEXICON=off reads without the lexicon, as before (docs/session13-lexicon.md). */
const ON = process.env.GRADER_LEXICON !== "off";

const points = new WeakMap<Question, Point[]>();

/** The key points of a question that name a lexicon concept, with their concepts: once per question. */
function pointsOf(q: Question): Point[] {
  let known = points.get(q);
  if (known) return known;
  known = [];
  for (const c of q.rubric)
    for (const k of c.evidence.concepts) {
      const concepts = linkedConcepts(k.terms);
      if (concepts.length) known.push({ key: otherWordsKey(c.id, k.label), concepts });
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
  if (ps.length)
    for (const i of [...claims].sort((x, y) => x - y)) {
      const best = bestPoint(ps, a, i);
      if (best && !found.has(best.key)) found.set(best.key, best.hit);
    }
  byQuestion.set(ps, found);
  return found;
}

function bestPoint(ps: Point[], a: Analysis, i: number): { key: string; hit: OtherWordsHit } | null {
  if (!relatesWords(a, i)) return null;
  const s = a.sentences[i]!;
  let best: { key: string; at: number[] } | null = null;
  for (const p of ps)
    for (const c of p.concepts) {
      const said = plainPhrasing(c, a, s.from, s.to);
      if (!said || (best && said.at.length <= best.at.length)) continue;
      if (!said.pattern.negative && said.at.some((k) => negatedAt(a, k, 2) || dismissedByScope(a, k))) continue;
      if (c.not.some((sister) => !p.concepts.includes(sister) && saysConcept(sister, a, i))) continue;
      best = { key: p.key, at: said.at };
    }
  if (!best) return null;
  const from = a.tokens[best.at[0]!]!;
  const to = a.tokens[best.at[best.at.length - 1]!]!;
  return { key: best.key, hit: { at: from.at, length: to.at + to.word.length - from.at, sentence: i } };
}
