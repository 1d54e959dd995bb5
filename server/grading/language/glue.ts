/** Closed-class parts of speech: the glue English holds its content words together with. */
export const GLUE: ReadonlySet<string> = new Set(["DET", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "PRON"]);

/** Glue and punctuation: what a sentence's frame (what it says besides its terms) is read without. */
export const FRAME_GLUE: ReadonlySet<string> = new Set([...GLUE, "PUNCT", "SYM"]);
