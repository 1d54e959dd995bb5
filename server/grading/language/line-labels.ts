/**
 * The words that label a line or a clause ("**Trust:**", "Action:", "step-2 -:"): each word (a letter, then letters,
 * digits, "_" or "-") followed by at most three other characters and a colon, in lower case. The same words, in
 * the same order of search, as `/([A-Za-z][\w-]*)\W{0,3}:/g`, read in one pass: that pattern retried its word run
 * from every letter inside it, so a 20,000-character word with no colon took a second (a minute at 100,000).
 *
 * Why one pass finds the same: from a start letter the run of word characters is taken whole; giving some back only
 * helps when the given-back characters are dashes (the only word characters `\W` also takes), and each dash given
 * back leaves fewer of the three for the rest, so where the whole run finds no colon no shorter one does, and no
 * later start in the same run (it ends at the same place) does either.
 */
export function labelWords(text: string): Set<string> {
  const out = new Set<string>();
  let at = 0;
  while (at < text.length) {
    if (!isLetter(text.charCodeAt(at))) {
      at++;
      continue;
    }
    let end = at + 1;
    while (end < text.length && isWordOrDash(text.charCodeAt(end))) end++;
    // Up to three non-word characters, as many as the colon allows (the pattern's greedy `\W{0,3}`), then the colon.
    let others = 0;
    while (others < 3 && end + others < text.length && !isWord(text.charCodeAt(end + others))) others++;
    let colon = -1;
    for (let j = others; j >= 0 && colon < 0; j--) if (text.charCodeAt(end + j) === COLON) colon = end + j;
    if (colon >= 0) {
      out.add(text.slice(at, end).toLowerCase());
      at = colon + 1;
    } else at = end;
  }
  return out;
}

const COLON = 58;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isWord = (c: number) => isLetter(c) || (c >= 48 && c <= 57) || c === 95;
const isWordOrDash = (c: number) => isWord(c) || c === 45;
