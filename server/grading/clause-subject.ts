import type { Analysis } from "./language/index.js";
import { clauseAround } from "./roles.js";

/**
 * What a clause speaks of: the nouns before its verb ("A higher temperature
 * makes ..." -> temperature), as lemmas. A clause whose subject is a pronoun
 * ("it does not split text", "which has children") or a fragment with no noun
 * ("but more exact") speaks of the last subject named before it, in its sentence or
 * the ones before. An empty list means no subject is named at all.
 *
 * Why: a denial or an opposite counts against a stated key point only when it
 * is said of the same thing. "A leaf has no children, unlike an internal node,
 * which has children" contrasts two things; "A tokenizer splits text. It does
 * not split text" contradicts itself.
 */
export function clauseSubject(a: Analysis, index: number, exclude: ReadonlySet<string> = new Set()): string[] {
  let at = index;
  for (let steps = 0; steps < 6 && at >= 0; steps++) {
    const [from, to] = clauseAround(a, at);
    const nouns = subjectNouns(a, from, to, exclude);
    if (nouns.length) return nouns;
    at = from - 1;
  }
  return [];
}

const NOUNS = new Set(["NOUN", "PROPN"]);
const VERBS = new Set(["VERB", "AUX"]);

function subjectNouns(a: Analysis, from: number, to: number, exclude: ReadonlySet<string>): string[] {
  const nouns: string[] = [];
  for (let j = from; j <= to; j++) {
    const t = a.tokens[j]!;
    // A gerund opening the clause is its subject ("Comparing every vector is slow"), not its verb.
    // A prepositional fragment ("at some cost in accuracy", "by using ...") names no subject.
    if (j === from && t.pos === "ADP") return [];
    const gerund = j === from && VERBS.has(t.pos) && t.word.endsWith("ing");
    if (VERBS.has(t.pos) && !gerund) break;
    if ((NOUNS.has(t.pos) || gerund) && !exclude.has(t.lemma)) nouns.push(t.lemma);
  }
  // A fragment with no verb names its topic ("unlike an internal node"), or, with no noun either ("but
  // more exact"), goes on speaking of the clause before it.
  return nouns;
}

/** Whether a clause names a subject of its own (a noun before its verb), rather than a pronoun or none. */
export function namesSubject(a: Analysis, from: number, to: number): boolean {
  return subjectNouns(a, from, to, new Set()).length > 0;
}

/** Whether two subjects may be the same thing: either is unnamed, or they share a noun. */
export function sameSubject(one: readonly string[], other: Iterable<string>): boolean {
  const others = [...other];
  return one.length === 0 || others.length === 0 || one.some((n) => others.includes(n));
}
