/**
 * Whether text put in the code box is sentences, not code: every line is an English sentence (it opens with a word and
 * a space, holds at least `MIN_WORDS` words and ends with a full stop, "!" or "?"), however many calls and operators
 * it names ("On a 429, sleep rand() * min(max_delay, base_delay * 2 ** k) and retry."). No line of Python or
 * TypeScript ends with a full stop after a word; a comment line is neither (it is read with the code). An explanation
 * given in place of code was read as code whose lines state nothing, where the same words in the text box were
 * credited (outside tester, session 23: `cli grade --code` against the interview's text answer).
 */
const MIN_WORDS = 5;
const COMMENT = /^\s*(?:#|\/\/|\/\*|\*)/;
const SENTENCE = /^\s*[A-Za-z][a-z'’-]*,?\s.*[A-Za-z0-9)"'’`\]][.!?]["'’)]*\s*$/;

export function writtenAsSentences(box: string): boolean {
  const lines = box.split("\n").filter((line) => line.trim() && !COMMENT.test(line));
  return lines.length > 0 && lines.every((line) => SENTENCE.test(line) && line.trim().split(/\s+/).length >= MIN_WORDS);
}
