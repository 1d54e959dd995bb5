import type { Question } from "../scenarios/index.js";
import { analyse, lemmaTermPositions, negatedAt, termSpan, type Analysis } from "./language/index.js";

/**
 * Which way a relation runs. A reference that relates two key terms with a
 * directional construction ("DNS translates domain names into IP addresses",
 * "maps tokens to text", "from domain names to IP addresses", "text -> tokens")
 * fixes an order: the first term is the source, the second the target. An
 * answer that relates the same two terms the other way round ("converts IP
 * addresses into domain names") states the opposite: it names both key points
 * and gets the relation between them wrong, so neither earns credit and the
 * report says "States the opposite of: ..." (as contradiction.ts does).
 *
 * The construction: the source term, then only a direction word ("into", "to",
 * "onto", an arrow), optionally "back" and an article, then the target term, in
 * one sentence ("from" before the source is allowed and not needed). A negated
 * reversal ("does not turn IP addresses into names") is true, and an answer that
 * also states the right direction is read by its key points.
 */
type Relation = { source: string; target: string };
type Term = { label: string; term: string };

const BETWEEN = /^\s*(?:(?:back|directly|straight)\s+)?(?:into|to|onto|->|→|=>)\s*(?:(?:the|an?|their|its|corresponding|matching)\s+)*$/i;

const cache = new WeakMap<Question, Relation[]>();

/** The directed relations between key points the question's references state, by concept label. */
export function learnedRelations(question: Question): Relation[] {
  let r = cache.get(question);
  if (!r) {
    const terms = question.rubric.flatMap((c) => c.evidence.concepts.flatMap((k) => k.terms.map((term) => ({ label: k.label, term }))));
    const references = [
      ...question.rubric.map((c) => c.description),
      ...question.exemplars.filter((e) => e.level === "strong").map((e) => e.answer),
    ];
    const found = new Map<string, Relation>();
    for (const text of references) for (const rel of relationsIn(analyse(text), terms)) found.set(`${rel.source}\u0000${rel.target}`, rel);
    // A pair stated both ways by the references has no direction to get wrong.
    r = [...found.values()].filter((x) => !found.has(`${x.target}\u0000${x.source}`));
    cache.set(question, r);
  }
  return r;
}

/** Every directional construction between two different key points in a text, with its polarity. */
function relationsIn(a: Analysis, terms: Term[], options: { affirmedOnly?: boolean } = {}): Relation[] {
  const spans: { label: string; start: number; end: number; index: number }[] = [];
  for (const { label, term } of terms)
    for (const i of lemmaTermPositions(a, term).positions) {
      const [start, end] = termSpan(a, i, term);
      spans.push({ label, start, end, index: i });
    }
  const out: Relation[] = [];
  for (const x of spans)
    for (const y of spans) {
      if (x.label === y.label || y.start <= x.end || a.tokens[x.index]!.sentence !== a.tokens[y.index]!.sentence) continue;
      if (!BETWEEN.test(a.text.slice(x.end, y.start))) continue;
      if (options.affirmedOnly && negatedAt(a, x.index, 4)) continue;
      out.push({ source: x.label, target: y.label });
    }
  return out;
}

/** The labels of key points an answer relates in the opposite direction to the references. */
export function reversedConcepts(question: Question, prose: string): Set<string> {
  const learned = learnedRelations(question);
  const reversed = new Set<string>();
  if (!learned.length || !prose.trim()) return reversed;
  const terms = question.rubric.flatMap((c) => c.evidence.concepts.flatMap((k) => k.terms.map((term) => ({ label: k.label, term }))));
  const said = relationsIn(analyse(prose), terms, { affirmedOnly: true });
  for (const { source, target } of learned) {
    const backwards = said.some((s) => s.source === target && s.target === source);
    const forwards = said.some((s) => s.source === source && s.target === target);
    if (backwards && !forwards) {
      reversed.add(source);
      reversed.add(target);
    }
  }
  return reversed;
}
