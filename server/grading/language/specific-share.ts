import type { Pack, Question } from "../../scenarios/index.js";
import { analyse } from "./analyse.js";
import { questionVocabulary } from "./on-topic.js";

/**
 * How much of an answer is in words particular to its question rather than to the field at large. An answer to the
 * right area but not to the question asked ("how text-to-speech engines work" for "the voice bot reads out markdown")
 * uses the question's words, since they are the field's ("voice", "speech", "model"), so the share of its words the
 * question's texts use says little. Weighted by how few of the pack's questions use a word (an inverse "question
 * frequency"), the words that make the question this one count most. Measured only on a pack of at least
 * `MIN_QUESTIONS` questions: a team's pack of a few questions cannot tell the field's words from the question's.
 */
const MIN_QUESTIONS = 20;
const CONTENT = new Set(["NOUN", "PROPN", "VERB", "ADJ"]);
const LIGHT = new Set(["be", "have", "do", "will", "would", "can", "could", "should", "may", "might", "must"]);

const frequencies = new WeakMap<Pack, Map<string, number>>();
function questionFrequencies(pack: Pack): Map<string, number> {
  let qf = frequencies.get(pack);
  if (!qf) {
    qf = new Map();
    for (const q of pack.questions) for (const w of questionVocabulary(q)) qf.set(w, (qf.get(w) ?? 0) + 1);
    frequencies.set(pack, qf);
  }
  return qf;
}

/** The share (0-1) of the answer's content weight in the question's own words, or null when the pack is too small to say. */
export function specificShare(q: Question, pack: Pack | undefined, prose: string): number | null {
  if (!pack || pack.questions.length < MIN_QUESTIONS) return null;
  const qf = questionFrequencies(pack);
  const vocab = questionVocabulary(q);
  const n = pack.questions.length;
  let on = 0;
  let all = 0;
  for (const t of analyse(prose).tokens) {
    if (!CONTENT.has(t.pos) || LIGHT.has(t.lemma) || !/[a-z]{2}/.test(t.word)) continue;
    const w = Math.log((n + 1) / ((qf.get(t.lemma) ?? 0) + 1));
    all += w;
    if (vocab.has(t.lemma) || vocab.has(t.word)) on += w;
  }
  return all > 0 ? on / all : null;
}
