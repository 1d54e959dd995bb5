import type { Analysis } from "./analyse.js";

const PREDICATE = new Set(["VERB", "AUX"]);

/**
 * Which sentences make a claim: those with a predicate (a verb). A bare list
 * of terms states nothing, so it evidences nothing. One exception: an answer
 * that is a single short phrase ("the main function", "member functions and
 * data members") answers the question it replies to, so the question supplies
 * its predicate; a list of three or more items never does.
 */
export function claimSentences(a: Analysis): Set<number> {
  const claims = new Set<number>();
  a.sentences.forEach((s, i) => {
    if (a.tokens.slice(s.from, s.to).some((t) => PREDICATE.has(t.pos))) claims.add(i);
  });
  if (claims.size === 0 && isShortPhraseAnswer(a)) a.sentences.forEach((_, i) => claims.add(i));
  return claims;
}

export function isShortPhraseAnswer(a: Analysis): boolean {
  const items = a.text.split(/[,;|\n•·]+/).filter((s) => s.trim()).length;
  return a.tokens.length > 0 && a.tokens.length <= 8 && items < 3;
}
