import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

/**
 * One English pipeline for the process: wink-nlp with its shipped light model
 * (offline, MIT, ~4 MB). Loading takes ~0.2 s, so it happens once, on first use.
 */
let pipeline: ReturnType<typeof winkNLP> | null = null;

/**
 * The annotations the grader reads: sentences, parts of speech and lemmas (analyse.ts). Named entities,
 * negation and sentiment are never read, and computing them took a fifth of each reading; without them
 * every token, tag, lemma and sentence is the same (checked on 20,777 texts: every pack, fixture and
 * public-set answer and every grade's feedback).
 */
const PIPE = ["sbd", "pos"];

export function nlp(): ReturnType<typeof winkNLP> {
  pipeline ??= winkNLP(model, PIPE);
  return pipeline;
}
