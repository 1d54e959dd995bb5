const ENGLISH = new Set(
  "the a an of and to in is are be for with that this it on as we i you by from or not at which would will".split(" "),
);
/** Function words of other languages the grader may meet (French, German, Spanish, Italian, Portuguese, Dutch). */
const OTHER = new Set(
  "le la les des du de et un une je nous pour avec est sont dans par que qui der die das und ist nicht mit für ein eine ich wir el los las y para con es son por una yo il di che per sono della em os não com uma eu het een en van voor zijn niet".split(
    " ",
  ),
);

/**
 * Whether prose is written in another language than English: more of its
 * function words are another language's than English's. Such an answer is
 * never a keyword list or an attack for that reason; the grader, which reads
 * English, says so instead of scoring it.
 */
export function otherLanguage(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 6) return false;
  let en = 0;
  let other = 0;
  for (const w of words) {
    if (ENGLISH.has(w)) en++;
    else if (OTHER.has(w)) other++;
  }
  return other >= 3 && other > 2 * en;
}
