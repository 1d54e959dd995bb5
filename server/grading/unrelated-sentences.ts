import type { Question } from "../scenarios/index.js";
import { analyse, expectsShortAnswer } from "./language/index.js";
import { sentenceLinks, type SentenceLinks } from "./language/unattested-pairs.js";

/**
 * Sentences that name the question's things without saying anything about them, in two shapes that carry no
 * claim a reader could check (language/unattested-pairs.ts reads what each sentence links):
 *
 * - `salad`: the question's words strung together with glue ("The embedding threshold of the open tracker ranks the
 *   nearest maintainer into recall"). Five or more links between the question's words, fewer than half of them
 *   links the question's own texts ever make, two or more of the unmade ones made through a preposition ("of",
 *   "into"), and nothing that commits the sentence: no figure, quote, code or order, no denial or clause of reason,
 *   condition or time, no one acting, not a list of items.
 * - `filler`: a generic sentence with key terms hung on it ("it is really important to think carefully about
 *   embeddings and duplicates"). Two or more of the question's words, none linked to another the way the question's
 *   texts link them, three or more other content words that all name no particular thing (abstract nouns, stance
 *   verbs, modifiers: generic-words.ts), and nothing that commits it (someone acting is allowed: "I think", and so
 *   is a list: "Spam, abuse and thresholds are all things to think about").
 *
 * Either earns nothing: a reader learns nothing checkable about the question's situation from it. Read only where
 * several criteria are asked (a one-criterion or short-answer item's answer is a relation among the question's own
 * few things, stated with them alone).
 */
export type UnrelatedSentence = { sentence: number; kind: "salad" | "filler"; links: SentenceLinks };

/** Links and their share the question's texts make: below this a sentence's links are its own invention. */
const ATTESTED_SHARE = 0.5;
const MIN_LINKS = 5;
const MIN_GLUED = 2;
const MIN_NAMED = 2;
const MIN_OTHER = 3;

export function unrelatedSentences(question: Question, prose: string): UnrelatedSentence[] {
  if (question.rubric.length < 2 || question.coding || expectsShortAnswer(question) || !prose.trim()) return [];
  const a = analyse(prose);
  const out: UnrelatedSentence[] = [];
  a.sentences.forEach((s, sentence) => {
    const links = sentenceLinks(question, a, s.from, s.to);
    const { claim, agent, form, list } = links.anchor;
    if (
      !list &&
      !claim &&
      !agent &&
      !form &&
      links.linked.length >= MIN_LINKS &&
      links.attested < links.linked.length * ATTESTED_SHARE &&
      links.glued >= MIN_GLUED
    )
      out.push({ sentence, kind: "salad", links });
    else if (
      !claim &&
      !form &&
      links.named >= MIN_NAMED &&
      links.attested === 0 &&
      links.other >= MIN_OTHER &&
      links.generic === links.other
    )
      out.push({ sentence, kind: "filler", links });
  });
  // An answer with one salad is a salad generator's: its shorter sentences of the same shape (links of its own
  // through glue, nothing that commits) are salad too ("The forum categories then escalate the first pass of comments").
  if (!out.some((u) => u.kind === "salad")) return out;
  a.sentences.forEach((s, sentence) => {
    if (out.some((u) => u.sentence === sentence)) return;
    const links = sentenceLinks(question, a, s.from, s.to);
    const { claim, agent, form, list } = links.anchor;
    if (
      !list &&
      !claim &&
      !agent &&
      !form &&
      links.linked.length >= 2 &&
      links.attested < links.linked.length * ATTESTED_SHARE &&
      links.glued >= 1
    )
      out.push({ sentence, kind: "salad", links });
  });
  return out.sort((x, y) => x.sentence - y.sentence);
}
