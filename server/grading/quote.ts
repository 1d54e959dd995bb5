const MAX_QUOTE = 160;

/** The sentence (or code line) around a match, trimmed to a readable quote. */
export function quoteAround(text: string, index: number, length: number): string {
  // A sentence ends at . ! ? followed by a space or line end, or at a line break; not at "$0.0006" or "v1.2".
  const endsSentence = (i: number) => text[i] === "\n" || (/[.!?]/.test(text[i]!) && (i + 1 >= text.length || /\s/.test(text[i + 1]!)));
  let start = index;
  while (start > 0 && !endsSentence(start - 1)) start--;
  let end = index + length;
  while (end < text.length && !endsSentence(end)) end++;
  if (end < text.length && text[end] !== "\n") end++;
  let quote = text.slice(start, end).trim();
  if (quote.length > MAX_QUOTE) {
    const rel = index - start;
    const from = Math.max(0, Math.min(rel - 60, quote.length - MAX_QUOTE));
    quote = `${from > 0 ? "…" : ""}${quote.slice(from, from + MAX_QUOTE).trim()}…`;
  }
  return quote;
}
