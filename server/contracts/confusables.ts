import { CONFUSABLES_DATA } from "./confusables-data.js";
import { displayForm } from "./visible-text.js";

/**
 * Labels that read the same, compared by "skeleton" in the manner of Unicode TS #39: decompose, replace each
 * look-alike with its prototype, recompose. "rev1" and "rеv1" (Cyrillic е) or "Ivan" and "lvan" have one skeleton.
 *
 * The look-alikes are Unicode's own (confusables.txt, generated into confusables-data.ts by
 * scripts/unicode/build-confusables.ts: letters and digits of every script that survive NFKC), plus the few
 * below that the data lacks or maps otherwise, kept from the hand-written map this replaced.
 */
const fromHex = (field: string) =>
  field
    .split(" ")
    .map((h) => String.fromCodePoint(parseInt(h, 16)))
    .join("");

/** Escaped, so the source shows which is which; each with its prototype at the same place. */
const SUPPLEMENT: [from: string, to: string][] = [
  // Cyrillic palochka (Unicode 10 maps it to "i"; it is drawn as l), Cyrillic qa, Greek chi, Coptic chi,
  // Armenian capital liwn, Coptic capital vida.
  ["\u04CF\u051A\u03C7\u2CAD\u053C\u2C82", "lQxxLB"],
  // Within Latin and digits: the shapes sans-serif fonts draw alike (Unicode's own choices).
  ["I1|0", "lllO"],
];

/** Built on first use: the contracts are imported by the client too, whose bundle then leaves the table out. */
let prototypes: Map<string, string> | null = null;
const prototypesMap = () =>
  (prototypes ??= new Map<string, string>([
    ...CONFUSABLES_DATA.trim()
      .split("\n")
      .map((line) => line.split(";").map(fromHex) as [string, string]),
    ...SUPPLEMENT.flatMap(([from, to]) => Array.from(from, (ch, i) => [ch, to[i]!] as [string, string])),
  ]));
/**
 * Punctuation people type in names in several forms (Unicode's data covers letters and digits only): hyphens,
 * dashes and the minus sign read as "-", typographic apostrophes and primes as "'".
 */
const PUNCTUATION: [RegExp, string][] = [
  [/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u2043]/g, "-"],
  [/[\u2018\u2019\u201B\u02BC\u02B9\u2032\u00B4\u0060\uFF07]/g, "'"],
];
/**
 * The diacritics any letter can carry (the Combining Diacritical Marks blocks and their supplements, extended and for
 * symbols and halves), left out of the skeleton: "Alice" with a dot above its i (U+0307), a line below (U+0332) or a
 * stack of accents reads as "Alice", and "Zoë" beside "Zoe" names one person twice in an audit trail. Marks a script
 * spells with (Devanagari vowel signs, Thai vowels, the kana voicing marks) are other blocks and stay: dropping them
 * would make different names one.
 */
const DIACRITIC_BLOCKS: [first: number, last: number][] = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];
/** Written as code-point ranges: a character class of combining marks reads as if each joined the one before it. */
const withoutDiacritics = (text: string) =>
  Array.from(text)
    .filter((ch) => {
      const cp = ch.codePointAt(0)!;
      return !DIACRITIC_BLOCKS.some(([first, last]) => cp >= first && cp <= last);
    })
    .join("");

/** Letter pairs that read as one letter ("rn" as "m", "vv" as "w"); applied after the single letters. */
const PAIRS: [RegExp, string][] = [
  [/rn/g, "m"],
  [/vv/g, "w"],
];

/**
 * The form two labels are compared by: equal skeletons read the same (letters, digits, dashes and apostrophes). Spaces are collapsed first (displayForm,
 * which also folds full-width and mathematical letters by NFKC), so a label stored before that rule ("Sam  Lee")
 * still meets its look-alikes.
 */
export function skeleton(label: string): string {
  const map = prototypesMap();
  // Diacritics left out after mapping: those of the label (decomposed) and any a prototype carries (Unicode's data maps
  // some letters to a letter and a mark).
  const mapped = Array.from(displayForm(label).normalize("NFD"), (ch) => map.get(ch) ?? ch)
    .join("")
    .normalize("NFD");
  const bare = withoutDiacritics(mapped);
  const folded = PUNCTUATION.reduce((s, [mark, one]) => s.replace(mark, one), bare);
  const paired = PAIRS.reduce((s, [pair, one]) => s.replace(pair, one), folded).normalize("NFC");
  // Separators and marks between or after the letters do not make another name: "Dana Reviewer." and "Dana_Reviewer",
  // "DanaReviewer" and "Dana Reviewer˙" (a modifier dot) read as "Dana Reviewer" in an audit trail. A label of no
  // letters or digits keeps its marks, so two such labels are still told apart.
  // Marks stay: a script spells with them (Devanagari vowel signs); the diacritics any letter carries are gone already.
  const letters = paired.replace(/[^\p{L}\p{M}\p{N}]/gu, "");
  return letters || paired;
}

/**
 * Two different labels a reader would take for one (identical labels are the caller's own rule): look-alikes, or
 * the same letters in another case ("alice smith" beside "Alice Smith" names one person twice in an audit trail).
 * Case is compared apart from look-alikes: a capital I reads as l, a small i does not.
 */
export const confusable = (a: string, b: string): boolean => {
  if (displayForm(a) === displayForm(b)) return false;
  // Each label as written, in small letters and in capitals: "ALlCE SMlTH" (small l for I) is "Alice Smith" in
  // capitals, "BOB ST0NE" is "Bob Stone" in capitals, though neither case alone nor look-alikes alone meets it.
  const forms = (label: string) => [label, label.toLowerCase(), label.toUpperCase()].map(skeleton);
  const other = new Set(forms(b));
  return forms(a).some((form) => other.has(form));
};
