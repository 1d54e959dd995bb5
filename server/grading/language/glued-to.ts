import type { Token } from "./analyse.js";

/** A figure written onto a name ("recall@5", "top-5"): the name's own, no figure of the sentence's. */
export const gluedTo = (tokens: readonly Token[], i: number, term: (t: Token | undefined) => boolean) => {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return (
    (prev !== undefined && term(prev) && prev.at + prev.word.length === t.at) ||
    (next !== undefined && term(next) && t.at + t.word.length === next.at)
  );
};
