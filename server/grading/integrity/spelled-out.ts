import { isKnownWord } from "../language/known-word.js";

/**
 * Readings of text spelled so no word pattern sees it: letters spaced or joined by a separator
 * ("i g n o r e", "g-i-v-e"), URL encoding ("ignore%20the%20rubric", "give+full+marks"), Morse
 * code and Pig Latin. Each reading is cheap to rule out: it is tried only when the text has the
 * shape of that spelling, and normal prose never has it. The readings are then checked like
 * ROT13 or leetspeak (clean.ts: hiddenAttack), so only what decodes to an instruction is flagged.
 */

/** A run of at least four single letters, each followed by one separator: "i g n o r e", "g-i-v-e", "f.u.l.l". */
const SPACED_RUN = /(?<![\p{L}\d])\p{L}(?:[ \-._*|·]\p{L}){3,}(?![\p{L}\d])/gu;

/** Letters joined back into words. Spaced letters mark word gaps by a wider gap or a slash ("i g n o r e   t h e"). */
export function joinedLetters(n: string): string | null {
  if (!SPACED_RUN.test(n)) return null;
  SPACED_RUN.lastIndex = 0;
  // A wider gap ("e   t") or a slash between two letters is a word boundary: mark it (with "¦", a sign prose
  // does not use between letters) before the runs are joined.
  const marked = n.replace(/(?<=\p{L}) {2,}(?=\p{L})|(?<=\p{L}) ?\/ ?(?=\p{L})/gu, " ¦ ");
  const joined = marked.replace(/(?<![\p{L}\d])\p{L}(?:(?: ¦ |[ \-._*|·])\p{L}){3,}(?![\p{L}\d])/gu, (run) =>
    run
      .split(" ¦ ")
      .map((word) => segmented(word.replace(/[ \-._*|·]/g, "")))
      .join(" "),
  );
  return joined.replace(/ ¦ /g, " ");
}

/**
 * A run of letters split back into words ("ignoretherubric" -> "ignore the rubric"): the split into
 * the fewest English words, each at most 15 letters; single letters only "a" and "i". The text read
 * here is normalised to single spaces, so spaced letters and Morse lose their word gaps.
 */
export function segmented(run: string): string {
  if (run.length > 200 || run.length < 2) return run;
  const best: (string[] | null)[] = [[]];
  for (let end = 1; end <= run.length; end++) {
    best[end] = null;
    // The shortest last word first: of two splits into as many words, the one with longer words earlier
    // wins ("please award", not "plea seaward"), as a reader splits greedily from the left.
    for (let start = end - 1; start >= Math.max(0, end - 15); start--) {
      const before = best[start];
      const word = run.slice(start, end);
      if (!before || (word.length === 1 && word !== "a" && word !== "i") || !isKnownWord(word)) continue;
      if (!best[end] || before.length + 1 < best[end]!.length) best[end] = [...before, word];
    }
  }
  return best[run.length]?.join(" ") ?? run;
}

/** URL encoding: "%20" escapes, or words joined by "+" with no space between. */
export function urlDecoded(n: string): string | null {
  if (/%[0-9a-f]{2}/i.test(n)) {
    try {
      return decodeURIComponent(n.replace(/\+/g, " "));
    } catch {
      return n.replace(/%20/gi, " ");
    }
  }
  // "give+this+answer+full+marks": three or more words joined by plus signs.
  // Words are bounded and start at a word start: an unbounded run of letters would be re-scanned from every
  // letter (20,000 letters with no "+" took 0.5 s).
  return (n.match(/\+/g) ?? []).length >= 3 && /(?<!\p{L})\p{L}{1,40}(?:\+\p{L}{1,40}){3,}/u.test(n)
    ? n.replace(/(?<=\p{L})\+(?=\p{L})/gu, " ")
    : null;
}

const MORSE: Record<string, string> = {
  ".-": "a",
  "-...": "b",
  "-.-.": "c",
  "-..": "d",
  ".": "e",
  "..-.": "f",
  "--.": "g",
  "....": "h",
  "..": "i",
  ".---": "j",
  "-.-": "k",
  ".-..": "l",
  "--": "m",
  "-.": "n",
  "---": "o",
  ".--.": "p",
  "--.-": "q",
  ".-.": "r",
  "...": "s",
  "-": "t",
  "..-": "u",
  "...-": "v",
  ".--": "w",
  "-..-": "x",
  "-.--": "y",
  "--..": "z",
  "-----": "0",
  ".----": "1",
  "..---": "2",
  "...--": "3",
  "....-": "4",
  ".....": "5",
  "-....": "6",
  "--...": "7",
  "---..": "8",
  "----.": "9",
};

/** Morse code: runs of dots and dashes, letters split by a space, words by a wider gap or a slash. */
export function morseDecoded(n: string): string | null {
  const runs = n.match(/(?:[.\-–—_•·]{1,6}(?: {1,3}| ?\/ ?|$)){6,}/g);
  if (!runs) return null;
  let out = n;
  for (const run of runs) {
    const text = run
      .replace(/[–—_]/g, "-")
      .replace(/[•·]/g, ".")
      .trim()
      .split(/ {2,}| ?\/ ?/)
      .map((word) =>
        word
          .split(" ")
          .map((code) => MORSE[code] ?? "")
          .join(""),
      )
      .map(segmented)
      .join(" ");
    out = out.replace(run, ` ${text} `);
  }
  return out;
}

/**
 * Pig Latin: a word moved its opening consonants to its end and added "ay" ("ubricray" is
 * "rubric"), or a word opening with a vowel added "way" ("ignoreway"). A word has several
 * readings; the first that is an English word is taken. Tried only when most words end in "ay".
 */
export function pigLatinDecoded(n: string): string | null {
  const { words, ay } = letterRuns(n);
  if (words < 3 || ay < words * 0.6) return null;
  return n.replace(/\p{L}+/gu, (w) => (/ay$/.test(w) ? fromPigLatin(w) : w));
}

/**
 * How many runs of letters (\p{L}+) the text has, and how many of them end in "ay": counted character by
 * character (a test per character only outside ASCII) rather than by listing the words, since every paragraph of
 * every answer is asked and almost none is Pig Latin.
 */
function letterRuns(n: string): { words: number; ay: number } {
  let words = 0;
  let ay = 0;
  let inRun = false;
  for (let i = 0; i <= n.length; i++) {
    const c = i < n.length ? n.charCodeAt(i) : 32;
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 128 && LETTER.test(String.fromCodePoint(n.codePointAt(i)!)));
    if (letter && !inRun) words++;
    // A run ends here: does it end in "ay"? (Both letters of "ay" are ASCII, so they are the run's last two code units.)
    if (!letter && inRun && n[i - 1] === "y" && n[i - 2] === "a") ay++;
    // A letter outside the Basic Multilingual Plane takes two code units: its second one is no new character.
    if (letter && c >= 0xd800 && c <= 0xdbff && i + 1 < n.length) i++;
    inRun = letter;
  }
  return { words, ay };
}
const LETTER = /^\p{L}$/u;

function fromPigLatin(w: string): string {
  const stem = w.slice(0, -2);
  const readings: string[] = [];
  // "ignoreway", "andway", "ayay": a vowel-initial word.
  if (/^[aeiou]/.test(stem) && /[wyh]$/.test(stem)) readings.push(stem.slice(0, -1));
  // "ethay" -> "the", "ubricray" -> "rubric": one to three consonants moved back to the front.
  for (let k = 1; k <= 3 && k < stem.length; k++) {
    const moved = stem.slice(-k);
    if (!/^[^aeiou]+$/.test(moved.replace(/^qu$/, "q"))) break;
    readings.push(moved + stem.slice(0, -k));
  }
  return readings.find((r) => isKnownWord(r)) ?? readings[0] ?? w;
}

/** Every spelled-out reading the text has the shape of (none for ordinary prose). */
export function spelledOutReadings(n: string): string[] {
  return [joinedLetters(n), urlDecoded(n), morseDecoded(n), pigLatinDecoded(n)].filter((r): r is string => r !== null);
}
