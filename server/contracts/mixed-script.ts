/**
 * One word written in two of Latin, Cyrillic and Greek: the shape of a spoofed label ("rеv1" with a Cyrillic е
 * passes for "rev1"). Unicode TS #39 calls a string "highly restrictive" when it keeps to one of these scripts;
 * this applies that per word, so a whole-Cyrillic or whole-Greek word (a real name) and a label with a Latin word
 * next to a Cyrillic one ("Ivan Петров") stay allowed.
 */
const SCRIPTS = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
] as const;
type Script = (typeof SCRIPTS)[number][0];
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

type MixedWord = { word: string; char: string; script: Script; other: Script };

/** The first word that mixes scripts, with a letter of the script it has fewest of (the likely intruder). */
export function mixedScriptWord(text: string): MixedWord | null {
  for (const [word] of text.matchAll(WORD)) {
    const letters = new Map<Script, string[]>();
    for (const ch of word) {
      const script = SCRIPTS.find(([, p]) => p.test(ch))?.[0];
      if (script) letters.set(script, [...(letters.get(script) ?? []), ch]);
    }
    if (letters.size < 2) continue;
    const byCount = [...letters].sort((a, b) => b[1].length - a[1].length);
    const [most, fewest] = [byCount[0]!, byCount.at(-1)!];
    return { word, char: fewest[1][0]!, script: fewest[0], other: most[0] };
  }
  return null;
}
