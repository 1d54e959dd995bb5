import type { Question } from "../scenarios/index.js";
import { analyse, negatedAt, type Analysis } from "./language/index.js";
import { findTerm } from "./match.js";
import { clauseAround } from "./clause-spans.js";

/** A term belongs to the entity of its own clause (clause-spans.ts says where clauses end). */
export { clauseAround };

/**
 * Who a term is said of. A question that contrasts two things ("the difference
 * between a stack and a queue", "process versus thread", "contrast TCP and
 * UDP") pairs each key term with one of them: LIFO with the stack, FIFO with
 * the queue. "A stack is FIFO and a queue is LIFO" names both terms and gets
 * both wrong. So a term the references say only of one entity does not count
 * in a clause that speaks of the other entity and not of its own.
 *
 * Learnt from the references (each criterion's description and the strong
 * exemplars): a term's owner is the first of the two entities in the clauses
 * it occurs in (the subject comes first; the other one where the clause
 * denies the term), when every such clause agrees; a
 * synonym the references do not use takes its concept's owner. The
 * answer side is lenient: a clause naming both entities, or neither, keeps the
 * term ("within a process, threads share memory").
 */
export type Roles = { owners: Map<string, string>; entities: string[] };

const CONTRAST = [
  /\b(\w+)\s+(?:vs\.?|versus)\s+(?:an?\s+|the\s+)?(\w+)/i,
  /\bdifferences?\s+between\s+(?:an?\s+|the\s+)?(\w+)\s+and\s+(?:an?\s+|the\s+)?(\w+)/i,
  /\b(?:contrast|compare)\s+(?:an?\s+|the\s+)?(\w+)\s+(?:and|with|to)\s+(?:an?\s+|the\s+)?(\w+)/i,
];

const cache = new WeakMap<Question, Roles | null>();

export function termRoles(question: Question): Roles | null {
  if (cache.has(question)) return cache.get(question)!;
  const roles = learnRoles(question);
  cache.set(question, roles);
  return roles;
}

function learnRoles(question: Question): Roles | null {
  // The contrast must be what the question asks: in its title or its first sentence, and not a story.
  if (question.kind === "behavioural") return null;
  const pair = contrasted(`${question.title}. ${question.prompt.split(/(?<=[.?!])\s/)[0] ?? ""}`);
  if (!pair) return null;
  const references = [
    ...question.rubric.map((c) => c.description),
    ...question.exemplars.filter((e) => e.level === "strong").map((e) => e.answer),
  ].map(analyse);
  const owners = new Map<string, string>();
  for (const term of question.rubric.flatMap((c) => c.evidence.concepts.flatMap((k) => k.terms))) {
    const said = new Set<string | null>();
    for (const a of references)
      for (const at of occurrences(a, term)) {
        const entity = clauseEntities(a, at, pair)[0] ?? null;
        // Denied of one entity ("UDP does not guarantee delivery"), a term is said of the other.
        said.add(entity && negatedAt(a, at, 3, { head: true }) ? pair.find((e) => e !== entity)! : entity);
      }
    said.delete(null);
    if (said.size === 1) owners.set(term, [...said][0]!);
  }
  // Another spelling of an owned term ("connection oriented", "last in first out") has its owner.
  const letters = (t: string) => t.toLowerCase().replace(/[^a-z0-9]/g, "");
  const bySpelling = new Map([...owners].map(([t, o]) => [letters(t), o]));
  for (const term of question.rubric.flatMap((c) => c.evidence.concepts.flatMap((k) => k.terms))) {
    const o = bySpelling.get(letters(term));
    if (o && !owners.has(term)) owners.set(term, o);
  }
  // A synonym the references do not use ("same memory" beside "share memory") takes its concept's owner,
  // when its concept's terms all belong to one entity ("connection-oriented" and "connectionless" do not).
  for (const concept of question.rubric.flatMap((c) => c.evidence.concepts)) {
    const of = new Set(concept.terms.map((t) => owners.get(t)).filter((o) => o !== undefined));
    if (of.size === 1) for (const t of concept.terms) if (!owners.has(t)) owners.set(t, [...of][0]!);
  }
  return new Set(owners.values()).size === 2 ? { owners, entities: pair } : null;
}

/** The two entities a question contrasts, as lemmas, or null. */
function contrasted(text: string): string[] | null {
  for (const re of CONTRAST) {
    const m = re.exec(text);
    if (!m) continue;
    const pair = [m[1]!, m[2]!].map((w) => analyse(w).tokens[0]?.lemma ?? w.toLowerCase());
    if (pair[0] !== pair[1] && pair.every((w) => w.length >= 3)) return pair;
  }
  return null;
}

/** Token indices where a term starts in an analysed text. */
export function occurrences(a: Analysis, term: string): number[] {
  const lower = a.text.toLowerCase();
  const out: number[] = [];
  for (let from = 0; ;) {
    const at = findTerm(lower.slice(from), term);
    if (at < 0) return out;
    const i = a.tokens.findIndex((t) => t.at >= from + at);
    if (i >= 0) out.push(i);
    from += at + 1;
  }
}

/**
 * The entities named in the clause around a token, in order. A clause that names
 * neither goes on speaking of the one an earlier clause of its sentence named
 * ("TCP is connection-oriented and reliable, guaranteeing in-order delivery":
 * the guarantee is TCP's).
 */
export function clauseEntities(a: Analysis, index: number, entities: string[]): string[] {
  const sentence = a.tokens[index]!.sentence;
  for (let at = index; ;) {
    const [from, to] = clauseAround(a, at);
    const named = entitiesIn(a, from, to, entities);
    if (named.length || from === 0 || a.tokens[from - 1]!.sentence !== sentence) return named;
    at = from - 1;
  }
}

function entitiesIn(a: Analysis, from: number, to: number, entities: string[]): string[] {
  const named: string[] = [];
  for (let j = from; j <= to; j++) {
    const b = a.tokens[j]!;
    // The tagger may leave a capitalised plural unlemmatised ("Threads"), so plurals are matched by hand.
    const e = entities.find((x) => b.lemma === x || b.word === x || b.word === `${x}s` || b.word === `${x}es`);
    if (e && !named.includes(e)) named.push(e);
  }
  return named;
}

/** Whether a term found at a token is said of the other entity: its clause names the other and not its owner. */
export function saidOfOther(roles: Roles, a: Analysis, index: number, term: string): boolean {
  const owner = roles.owners.get(term);
  if (!owner) return false;
  const named = clauseEntities(a, index, roles.entities);
  return named.length > 0 && !named.includes(owner);
}
