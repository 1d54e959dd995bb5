const MAX_QUOTE = 160;

/** The sentence (or code line) around a match, trimmed to a readable quote. */
export function quoteAround(text: string, index: number, length: number): string {
  const boundary = /[.!?\n]/;
  let start = index;
  while (start > 0 && !boundary.test(text[start - 1]!)) start--;
  let end = index + length;
  while (end < text.length && !boundary.test(text[end]!)) end++;
  if (end < text.length && text[end] !== "\n") end++;
  let quote = text.slice(start, end).trim();
  if (quote.length > MAX_QUOTE) {
    const rel = index - start;
    const from = Math.max(0, Math.min(rel - 60, quote.length - MAX_QUOTE));
    quote = `${from > 0 ? "…" : ""}${quote.slice(from, from + MAX_QUOTE).trim()}…`;
  }
  return quote;
}
