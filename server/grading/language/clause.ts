import type { Analysis } from "./analyse.js";

/** The text between a token and the one before it (punctuation is not a token); "" for the first token. */
export function gapBefore(a: Analysis, j: number): string {
  const prev = a.tokens[j - 1];
  return prev ? a.text.slice(prev.at + prev.word.length, a.tokens[j]!.at) : "";
}

/** Punctuation that ends a clause: . ; : ! ? brackets, a dash, a quote mark. */
export const CLAUSE_PUNCT = /[.;:!?()[\]—–"“”]|\s-\s/;
/** The same, a comma too: where a subject or a verb group read word by word stops. */
export const CLAUSE_PUNCT_OR_COMMA = /[.;:!?()[\]—–,"“”]|\s-\s/;

/** Words that open a new clause: a negation, a dismissal or a subject does not reach past them. */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set(
  "but however although though because since so while whereas yet instead unless which who whom whose where when if then except until once".split(
    " ",
  ),
);
