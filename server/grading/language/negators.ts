/**
 * Words that negate what they govern. "cannot" is read as "can not" by the tagger; it stays for text
 * read word by word without it.
 */
export const NEGATORS: ReadonlySet<string> = new Set(["not", "n't", "never", "cannot"]);

/** Words of absence that deny a whole phrase or list: "without X or Y", "nothing/none of X", "neither X nor Y". */
export const ABSENCE: ReadonlySet<string> = new Set(["without", "nothing", "none", "neither", "nor"]);

/** Words after "not" that limit rather than deny: "not only X but also Y", "not just", "not merely", "not simply". */
export const LIMITERS: ReadonlySet<string> = new Set(["only", "just", "merely", "simply"]);
