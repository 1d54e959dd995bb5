import { analyse, negatedAt } from "./language/index.js";
import { clauseAround, occurrences, saidOfOther, type Roles } from "./roles.js";

/**
 * The answer as similarity may read it: a clause that says a term of one
 * entity of a contrast of the other one ("A stack is FIFO", "threads have
 * their own address space") is blanked out. Similarity compares bags of
 * words, so "A stack is FIFO and a queue is LIFO" holds every word of "A stack
 * is LIFO and a queue is FIFO" and would earn its share for them; concept
 * coverage already refuses such a term (roles.ts), and now so does similarity,
 * for the whole clause that pairs the words crosswise. A denied swap ("a thread
 * does not have its own address space") is true and stays. Without roles (no
 * contrast in the question) the text is returned as it is.
 */
export function withoutSwappedClauses(text: string, roles: Roles | null): string {
  if (!roles || !text) return text;
  const a = analyse(text);
  const spans: [number, number][] = [];
  for (const term of roles.owners.keys()) {
    for (const i of occurrences(a, term)) {
      if (!saidOfOther(roles, a, i, term) || negatedAt(a, i)) continue;
      const [from, to] = clauseAround(a, i);
      spans.push([a.tokens[from]!.at, a.tokens[to]!.at + a.tokens[to]!.word.length]);
    }
  }
  if (!spans.length) return text;
  // Blank with spaces, so what remains keeps its place and its sentence breaks.
  const chars = text.split("");
  for (const [start, end] of spans) for (let k = start; k < end; k++) if (chars[k] !== "\n") chars[k] = " ";
  return chars.join("");
}
