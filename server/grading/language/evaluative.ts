import type { Token } from "./analyse.js";
import { FRAME_GLUE } from "./glue.js";

/**
 * Words that praise or rank a thing without saying anything about it: "A
 * golden set is important", "Canary releases are nice", "Caching helps a lot".
 * Such a sentence names rubric terms and states nothing about them, so it is
 * not a claim. A reason or an effect is content and keeps the sentence ("Caching
 * is important because repeat questions are 40% of traffic", "We use a canary
 * release because it limits blast radius"). Words of requirement ("necessary",
 * "must", "needed") are not here: "these four are all necessary" answers "which
 * conditions must hold".
 */
const EVALUATIVE = new Set(
  (
    "important useful nice good great key essential crucial critical vital valuable helpful beneficial " +
    "matter help helps fine cool interesting significant relevant worthwhile powerful best better " +
    "recommended smart wise bad useless pointless overkill"
  ).split(" "),
);
/** Degree words and fillers that add nothing to an evaluation ("really very important", "helps a lot"). */
const FILLER = new Set(
  "very really so quite extremely super pretty too also always definitely certainly absolutely lot thing idea just truly highly most more".split(
    " ",
  ),
);

/**
 * Whether a sentence states nothing but an evaluation of its rubric terms:
 * either its frame (its words besides rubric terms and glue) is all praise, or
 * its subject holds a rubric term and its predicate is praise alone ("Canary
 * releases are nice": "releases" is not a rubric word, but it is the thing
 * praised, not something said about it).
 */
export function onlyEvaluates(tokens: Token[], frame: Token[], isTerm: (word: string) => boolean): boolean {
  if (praiseOnly(frame)) return true;
  // The predicate starts at the first auxiliary or finite verb after the subject ("Routing" is a gerund subject).
  const verb = tokens.findIndex((t, i) => i > 0 && (t.pos === "AUX" || (t.pos === "VERB" && !t.word.endsWith("ing"))));
  if (verb < 0) return false;
  const subject = tokens.slice(0, verb);
  const predicate = tokens.slice(verb).filter((t) => !GLUE.has(t.pos));
  return subject.some((t) => isTerm(t.word) || isTerm(t.lemma)) && praiseOnly(predicate);
}
/** A subordinator stays in the predicate: it opens a reason or an effect ("important because ..."), which is content. */
const GLUE = new Set([...FRAME_GLUE].filter((pos) => pos !== "SCONJ"));

/** Whether a word, lower-cased, only praises, ranks or fills ("important", "good", "really"): no modifier of a thing. */
export const praises = (word: string): boolean => EVALUATIVE.has(word) || FILLER.has(word);

/** Whether a word only praises or ranks ("important", "key", "helps"). */
export const isEvaluative = (t: Token): boolean => EVALUATIVE.has(t.word) || EVALUATIVE.has(t.lemma);

function praiseOnly(words: Token[]): boolean {
  const said = words.filter((t) => !FILLER.has(t.word) && !FILLER.has(t.lemma));
  return said.length > 0 && said.every(isEvaluative);
}
