import { scriptsOf } from "./scripts.js";

/**
 * One word written in two scripts: the shape of a spoofed label ("rеv1" with a Cyrillic е passes for "rev1";
 * "օwner" with an Armenian օ, "ⲟwner" with a Coptic ⲟ, "Ꮎwner" with a Cherokee Ꮎ). Unicode TS #39 calls a string
 * "highly restrictive" when its letters keep to one script, or to one of the combinations Japanese, Chinese and
 * Korean are written in, with Latin beside them. This applies that per word, for every script, so a whole-Armenian
 * or whole-Japanese word and a label with a Latin word next to a Cyrillic one ("Ivan Петров") stay allowed.
 */
const COMBINATIONS: ReadonlySet<string>[] = [
  new Set(["Latin", "Han", "Hiragana", "Katakana"]),
  new Set(["Latin", "Han", "Bopomofo"]),
  new Set(["Latin", "Han", "Hangul"]),
];
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

type Letter = { ch: string; main: string; all: Set<string> };
export type MixedWord = { word: string; char: string; script: string; other: string };

/** The allowed script sets a word might be written in: each script of its letters alone, and the combinations. */
function candidates(letters: Letter[]): ReadonlySet<string>[] {
  const singles = new Set(letters.flatMap((l) => [...l.all]));
  return [...[...singles].map((s) => new Set([s])), ...COMBINATIONS];
}

/**
 * The first word that mixes scripts, with its first letter outside the allowed script set that covers most of the
 * word (the likely intruder) and the script that word is mostly written in.
 */
export function mixedScriptWord(text: string): MixedWord | null {
  for (const [word] of text.matchAll(WORD)) {
    const letters: Letter[] = Array.from(word).flatMap((ch) => {
      const s = scriptsOf(ch);
      return s ? [{ ch, ...s }] : [];
    });
    const fits = (set: ReadonlySet<string>, l: Letter) => [...l.all].some((s) => set.has(s));
    let best = { set: new Set<string>() as ReadonlySet<string>, covered: -1 };
    for (const set of candidates(letters)) {
      const covered = letters.filter((l) => fits(set, l)).length;
      if (covered > best.covered) best = { set, covered };
    }
    if (best.covered === letters.length) continue;
    const intruder = letters.find((l) => !fits(best.set, l))!;
    const counts = new Map<string, number>();
    for (const l of letters) if (fits(best.set, l)) counts.set(l.main, (counts.get(l.main) ?? 0) + 1);
    const other = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    return { word, char: intruder.ch, script: intruder.main, other };
  }
  return null;
}
