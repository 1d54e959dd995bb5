/**
 * Lines that are layout, not words of the answer: a Markdown heading ("## Answer"), a short label set in bold or
 * italics on a line of its own ("**Answer:**"), a rule ("---") and a line of HTML tags around nothing but styling or
 * a short label ("<style>p{color:red}</style>", "<b>Answer</b>", "<br>"). A candidate who puts such a line over one
 * sentence has still answered in one sentence (outside tester, session 23: "## Answer" over a correct sentence made
 * it "insufficient evidence").
 */
const HEADING = /^#{1,6}(?:[ \t]|$)/;
const EMPHASISED_LABEL = /^([*_]{1,3})([^*_\n]{1,60})\1:?$/;
const RULE = /^([-*_])(?:[ \t]*\1){2,}$/;
/** A label is a few words: "**Account-specific questions bypass the cache.**" is a sentence in bold, not a label. */
const MAX_LABEL_WORDS = 4;

const words = (text: string) => text.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;

/** Whether one line is layout only (see above). */
export function isMarkupLine(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  if (HEADING.test(t) || RULE.test(t)) return true;
  const emphasised = EMPHASISED_LABEL.exec(t);
  if (emphasised) return words(emphasised[2]!) <= MAX_LABEL_WORDS && !/[.!?]$/.test(emphasised[2]!.trim());
  if (t.startsWith("<") && t.endsWith(">")) {
    const between = t.replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ").replace(/<[^>]*>/g, " ");
    return words(between) <= MAX_LABEL_WORDS && !/[.!?]\s*$/.test(between.trim());
  }
  return false;
}

/** The text without its layout lines (see above); the text itself when it has none. */
export function withoutMarkupLines(text: string): string {
  const lines = text.split("\n");
  const kept = lines.filter((line) => !isMarkupLine(line));
  return kept.length === lines.length ? text : kept.join("\n");
}
