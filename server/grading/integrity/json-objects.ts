/**
 * The JSON-like objects of a text, in order: braces balanced, at most three deep and 2,000 characters long (a
 * brace left open is no object). Read by counting, not by a regex: the described-record reader and the verdict
 * reader find the same objects.
 */
export function jsonObjects(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let at = text.indexOf("{"); at >= 0; at = text.indexOf("{", at + 1)) {
    let depth = 0;
    const stop = Math.min(text.length, at + 2000);
    for (let i = at; i < stop; i++) {
      const c = text[i];
      if (c === "{" && ++depth > 3) break;
      if (c === "}" && --depth === 0) {
        found.push({ start: at, end: i + 1 });
        at = i;
        break;
      }
    }
  }
  return found;
}
