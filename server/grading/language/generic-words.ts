import type { Token } from "./analyse.js";
import { nounKind } from "./unspecific.js";
import { sensesOf, synset } from "./wordnet.js";

/**
 * WordNet's verb classes of thinking, telling, feeling, being and dealing with others (verb.cognition,
 * verb.communication, verb.emotion, verb.social, verb.stative), read from a verb's first sense: "consider", "think",
 * "matter", "depend", "stay", "collaborate", "handle". A sentence whose only verbs are these names a stance or a
 * manner, not something a system or a person does to a thing.
 */
const STANCE_VERB_FILES = new Set([31, 32, 37, 41, 42]);
const verbFiles = new Map<string, number>();
function verbFile(lemma: string): number {
  let f = verbFiles.get(lemma);
  if (f === undefined) {
    const verb = /^[a-z][a-z-]+$/.test(lemma) ? sensesOf(lemma).find((s) => s.pos === "verb") : undefined;
    f = verb?.offsets.length ? synset("verb", verb.offsets[0]!).lexFile : -1;
    if (verbFiles.size >= 20_000) verbFiles.clear();
    verbFiles.set(lemma, f);
  }
  return f;
}

/**
 * Whether a content word says nothing about any particular thing: an abstract noun (an act, attribute, idea, state,
 * feeling or relation: "experience", "factor", "balance"), a stance verb, or a modifier. A word WordNet does not
 * know (a product, jargon, a word of another language) is never generic.
 */
export function genericWord(t: Token): boolean {
  if (t.pos === "ADJ" || t.pos === "ADV") return sensesOf(t.lemma).length > 0 || sensesOf(t.word).length > 0;
  if (t.pos === "VERB") {
    const f = verbFile(t.lemma);
    return f >= 0 && STANCE_VERB_FILES.has(f);
  }
  if (t.pos === "NOUN") return nounKind(t.lemma) === "abstract";
  return false;
}
