import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

/**
 * One English pipeline for the process: wink-nlp with its shipped light model
 * (offline, MIT, ~4 MB). Loading takes ~0.2 s, so it happens once, on first use.
 */
let pipeline: ReturnType<typeof winkNLP> | null = null;

export function nlp(): ReturnType<typeof winkNLP> {
  pipeline ??= winkNLP(model);
  return pipeline;
}
