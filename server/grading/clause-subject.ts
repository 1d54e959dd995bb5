import type { Analysis } from "./language/index.js";
import { clauseAround } from "./roles.js";

/**
 * What a clause speaks of: the nouns before its verb ("A higher temperature
 * makes ..." -> temperature), as lemmas. A clause whose subject is a pronoun
 * ("it does not split text", "which has children") or a phrase with no verb
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
    const { nouns, verb } = subjectNouns(a, from, to, exclude);
    // A verbless stretch is a subject only as the other side of a comparison ("unlike an internal node");
    // otherwise it is a phrase of the clause before it, or a verb the tagger read as a noun ("and maps them").
    if (nouns.length && (verb || a.tokens[from - 1]?.word === "unlike")) return nouns;
    at = from - 1;
  }
  return [];
}

const NOUNS = new Set(["NOUN", "PROPN"]);
const VERBS = new Set(["VERB", "AUX"]);

function subjectNouns(a: Analysis, from: number, to: number, exclude: ReadonlySet<string>): { nouns: string[]; verb: boolean } {
  const nouns: string[] = [];
  for (let j = from; j <= to; j++) {
    const t = a.tokens[j]!;
    // A gerund opening the clause is its subject ("Comparing every vector is slow"), not its verb.
    // A prepositional fragment ("at some cost in accuracy", "by using ...") names no subject.
    if (j === from && t.pos === "ADP") return { nouns: [], verb: false };
    const gerund = j === from && VERBS.has(t.pos) && t.word.endsWith("ing");
    if (VERBS.has(t.pos) && !gerund) return { nouns, verb: true };
    if ((NOUNS.has(t.pos) || gerund) && !exclude.has(t.lemma)) nouns.push(t.lemma);
  }
  return { nouns, verb: false };
}

/** Whether a clause names a thing of its own (a noun before its verb, or in a verbless phrase), rather than a pronoun or none. */
export function namesSubject(a: Analysis, from: number, to: number): boolean {
  return subjectNouns(a, from, to, new Set()).nouns.length > 0;
}

/** Whether two subjects may be the same thing: either is unnamed, or they share a noun. */
export function sameSubject(one: readonly string[], other: Iterable<string>): boolean {
  const others = [...other];
  return one.length === 0 || others.length === 0 || one.some((n) => others.includes(n));
}
