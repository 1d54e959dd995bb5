import { spelledOutReadings } from "./spelled-out.js";
import { textMemo } from "../language/text-memo.js";

/** Letters from other scripts that look Latin: "Іgnоrе" must read as "ignore". */
const CONFUSABLES: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ї: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ɡ: "g",
  ӏ: "l",
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  У: "Y",
  Х: "X",
  І: "I",
  Ј: "J",
  Ѕ: "S",
  α: "a",
  ε: "e",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  ν: "v",
  ι: "i",
  κ: "k",
  Α: "A",
  Β: "B",
  Ε: "E",
  Ι: "I",
  Κ: "K",
  Μ: "M",
  Ν: "N",
  Ο: "O",
  Ρ: "P",
  Τ: "T",
  Χ: "X",
};
/**
 * Characters that take no room on screen: zero-width spaces and joiners, the word joiner and invisible
 * operators, the byte-order mark, the soft hyphen, the combining grapheme joiner, bidirectional marks,
 * embeddings, overrides and isolates, deprecated format controls and variation selectors. Unicode "tag"
 * characters (TAG_CHARS) are invisible too and spell ASCII.
 */
const INVISIBLE_CLASS =
  "\\u00AD\\u034F\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFE00-\\uFE0F\\uFEFF\\u{E0100}-\\u{E01EF}";
// eslint-disable-next-line no-misleading-character-class -- the combining joiner and variation selectors are listed alone on purpose
const ZERO_WIDTH = new RegExp(`[${INVISIBLE_CLASS}]`, "gu");
/** Unicode "tag" characters spell ASCII invisibly. */
const TAG_CHARS = /[\u{E0000}-\u{E007F}]/gu;
/** A run of invisible characters, tags included. */
// eslint-disable-next-line no-misleading-character-class -- as above
export const INVISIBLE_RUN = new RegExp(`[${INVISIBLE_CLASS}\\u{E0000}-\\u{E007F}]+`, "gu");

/**
 * Soft hyphens inside a word removed: U+00AD is a hyphenation point, so "Kuber\u00ADnetes" is one word whether
 * or not a lexicon knows it. Between a lower-case letter and a capital it may glue two sentences
 * ("fusion\u00ADIgnore ..."), so it is left there for invisible-boundaries.ts to read as a boundary.
 */
export function joinSoftHyphens(s: string): string {
  if (!s.includes("\u00AD")) return s;
  return s.replace(/(?<=(\p{L}))\u00AD+(?=(\p{L}))/gu, (run, before: string, after: string) =>
    /\p{Ll}/u.test(before) && /\p{Lu}/u.test(after) ? run : "",
  );
}

export function stripInvisible(s: string): string {
  return s.normalize("NFKC").replace(ZERO_WIDTH, "").replace(TAG_CHARS, "");
}

/** The ASCII hidden in tag characters, if any. */
export function hiddenTagText(s: string): string {
  return [...s.matchAll(TAG_CHARS)].map((m) => String.fromCharCode(m[0].codePointAt(0)! - 0xe0000)).join("");
}

/**
 * The text an attack check reads: invisible characters gone, homoglyphs folded, lower case, one line. Asked again
 * and again of the same sentences and paragraphs in one answer, so kept by text (text-memo.ts).
 */
export const forMatching: (s: string) => string = textMemo(normalisedForMatching);
function normalisedForMatching(s: string): string {
  // One regex pass, and none for plain ASCII (most answers): this runs on every sentence of every answer.
  // eslint-disable-next-line no-control-regex -- \x00-\x7f is "ASCII" on purpose
  const plain = /^[\x00-\x7f]*$/.test(s) ? s : stripInvisible(s).replace(CONFUSABLE, (c) => CONFUSABLES[c] ?? c);
  return plain.toLowerCase().replace(/\s+/g, " ");
}
const CONFUSABLE = new RegExp(`[${Object.keys(CONFUSABLES).join("")}]`, "gu");

/**
 * Every paragraph of every answer is decoded these ways before any sentence is read: code by code, not by a
 * callback and a string per letter (a tenth of the attack checks' time).
 */
function rot13(s: string): string {
  const out = new Array<string>(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[i] =
      c >= 97 && c <= 122
        ? String.fromCharCode(((c - 84) % 26) + 97)
        : c >= 65 && c <= 90
          ? String.fromCharCode(((c - 52) % 26) + 65)
          : s[i]!;
  }
  return out.join("");
}
const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "6": "g", "7": "t", "8": "b", "@": "a", $: "s" };
const unleet = (s: string) => s.replace(/[0134567@$8]/g, (c) => LEET[c] ?? c);
/** The code points in reverse order (a surrogate pair stays one character, as `[...s].reverse()` keeps it). */
function reversed(s: string): string {
  const out = new Array<string>();
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    const before = i > 0 ? s.charCodeAt(i - 1) : 0;
    if (c >= 0xdc00 && c <= 0xdfff && before >= 0xd800 && before <= 0xdbff) {
      out.push(s.slice(i - 1, i + 1));
      i--;
    } else out.push(s[i]!);
  }
  return out.join("");
}

/** Readings an obfuscated instruction may hide behind. */
export function decodings(n: string): string[] {
  return [rot13(n), unleet(n), reversed(n), ...spelledOutReadings(n)];
}
