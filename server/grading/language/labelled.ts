/**
 * Lines that open with a label ("Situation:", "Stack:", "Metrics:"). A label
 * followed by a run of short fragments ("Action: rolled back, feature flag,
 * root cause, logs, postmortem.") is a keyword list with a heading: it states
 * nothing, whatever verbs are sprinkled in. A label followed by one short value
 * ("Stack: LIFO.", "Queue: FIFO; stack: LIFO.") is a note that relates the two,
 * the colon standing in for "is": it states as much as "A stack is LIFO", in
 * any order and with any punctuation between the notes.
 */
const LABELLED = /^\s*[A-Za-z][\w'/@-]*(?:\s+[\w'/@-]+){0,2}\s*:\s*(\S[\s\S]*)$/;
/** A list: at least this many fragments after the label, nearly all of them this short ("Action: rolled back, feature flag, logs."). */
const LIST_FRAGMENTS = 3;
const SHORT_FRAGMENT_WORDS = 3;
const SHORT_SHARE = 0.75;
/** A note's value: one fragment of at most this many words. */
const NOTE_WORDS = 6;

const words = (s: string) => s.split(/\s+/).filter((w) => /\w/.test(w));
const valueOf = (segment: string) => LABELLED.exec(segment)?.[1]?.replace(/[.!]+\s*$/, "") ?? null;

export function labelledList(sentence: string): boolean {
  const value = valueOf(sentence);
  if (value === null) return false;
  const fragments = value
    .split(/[,;]/)
    .map(words)
    .filter((f) => f.length > 0);
  if (fragments.length < LIST_FRAGMENTS) return false;
  return fragments.filter((f) => f.length <= SHORT_FRAGMENT_WORDS).length >= SHORT_SHARE * fragments.length;
}

/** Every ";"-separated part is "label: short value". */
export function labelNotes(sentence: string): boolean {
  return sentence.split(";").every((segment) => {
    const value = valueOf(segment);
    return value !== null && !value.includes(",") && words(value).length > 0 && words(value).length <= NOTE_WORDS;
  });
}
