/**
 * Small words whose place in a sentence English fixes: the word-order and chunk-joint readers read them as
 * themselves, not as their part of speech. One list for both: the joint model (word-junction.tsv) was trained on it.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    "the a an of to in on for with by from at into as and or but if then than that this these those which who what " +
    "when where while because so not no is are was were be been being has have had do does did will would can could " +
    "should may might must it its they them their we our you your i he she there here all each every any some more " +
    "most less very also only just"
  ).split(" "),
);
