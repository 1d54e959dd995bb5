import type { Token } from "./analyse.js";

/**
 * The tokens of each stretch between cuts, in order: stretch i holds the tokens with `bounds[i] <= at <
 * bounds[i + 1]` (tokens before the first bound belong to none), empty stretches dropped. One walk over
 * tokens and cuts together: filtering every token for each of a long sentence's commas made a list of
 * thousands of items cost millions of comparisons.
 */
export function itemsBetween(tokens: readonly Token[], bounds: readonly number[]): Token[][] {
  const items: Token[][] = [];
  let b = 0;
  let current: Token[] = [];
  for (const t of tokens) {
    if (t.at < bounds[0]!) continue;
    while (b + 1 < bounds.length && t.at >= bounds[b + 1]!) {
      b++;
      if (current.length) items.push(current);
      current = [];
    }
    if (b + 1 < bounds.length) current.push(t);
  }
  if (current.length) items.push(current);
  return items;
}
