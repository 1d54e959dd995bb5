import { z } from "zod";

/**
 * One engineering concept of the domain lexicon: the terms a rubric names it by, and the plain ways engineers say
 * it without them. Data, written by hand (concepts/*.ts), validated once per process when the lexicon loads.
 */
export const LexiconConceptSchema = z.object({
  /** Stable id, referred to by other concepts' `not`. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /**
   * The concept's names as a rubric writes them ("circuit breaker", "idempot"): a key point naming one of them (in
   * its label or terms) is about this concept. Matched at a word start, as rubric terms are.
   */
  terms: z.array(z.string().min(3)).min(1),
  /**
   * Plain phrasings, as patterns (pattern.ts): slots in order, each slot one or more words split by "|", a word
   * matching a token's lemma or surface form, "stem*" a prefix of either; a few words may stand between slots.
   * "try|retry again", "wait longer|more each|every time".
   */
  plain: z.array(z.string().min(3)).min(1),
  /**
   * Sister or opposite concepts ("stack" / "queue", "precision" / "recall"): a sentence that also says one of
   * them, by its terms or plain words, states a contrast, not this concept alone.
   */
  not: z.array(z.string()).default([]),
});

/** What a data file writes (`not` may be left out). */
export type LexiconEntry = z.input<typeof LexiconConceptSchema>;
