import { displayForm, skeleton, TOKEN_ROLES } from "../contracts/index.js";

/**
 * Words that name a role or authority. A token label holding one as a word of its own ("Dana (owner)", "Admin Dana",
 * "reviewer: Bob") reads in the audit trail and on the team pages as a statement of what the token may do, which
 * only its role says (outside red-team finding F8): such labels are refused. The product's own role names (editor and
 * viewer as well) and the usual words of authority.
 */
export const ROLE_WORDS: readonly string[] = [
  ...new Set([...TOKEN_ROLES, "owner", "admin", "administrator", "reviewer", "author", "moderator", "staff", "system"]),
];

/** A word as a reader takes it, in each case: skeletons (look-alikes folded) of the word, in small letters and in capitals. */
const forms = (word: string) => [word, word.toLowerCase(), word.toUpperCase()].map(skeleton);

/** Built on first use (the skeleton table is large): each form of each role word, to the role word. */
let roleForms: Map<string, string> | null = null;
const roleFormsMap = () => (roleForms ??= new Map(ROLE_WORDS.flatMap((role) => forms(role).map((form) => [form, role] as const))));

/** The longest role word: words spelt across more of a label than this cannot be one. */
const LONGEST = Math.max(...ROLE_WORDS.map((w) => w.length));

/**
 * Digits and signs written for letters ("0wn3r", "4dmin", "@dmin", "adm!n", "5taff"), each read as the letter,
 * one character for one so the word shown keeps its place. The skeleton already reads 0 as O and 1 as l.
 */
const LETTER_FOR: Record<string, string> = { "3": "e", "4": "a", "@": "a", "5": "s", $: "s", "7": "t", "!": "i" };
const asLetters = (text: string) => text.replace(/[345@$7!]/g, (c) => LETTER_FOR[c]!);

/**
 * The words of a label, each with the text it is shown as: runs of letters, marks and digits; a word written in
 * camel case ("DanaOwner") is two, and digits at a word's end ("admin2") are left off. Digits inside a word stay
 * ("rev1ewer"): the skeleton reads a 1 as an l, as it reads an I. A word may also be spelt across runs ("o w n e r",
 * "o.w.n.e.r", "adm in"): consecutive runs are read joined too, up to the longest role word (session 18 red-team
 * F4). All of it again with digits and signs read as letters.
 */
function wordsOf(label: string): { shown: string; read: string }[] {
  const text = displayForm(label);
  const words: { shown: string; read: string }[] = [];
  for (const reading of new Set([text, asLetters(text)])) {
    const runs = [...reading.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => ({ at: m.index, end: m.index + m[0].length, read: m[0] }));
    for (const run of runs) {
      let at = run.at;
      for (const part of run.read.split(/(?<=\p{Ll})(?=\p{Lu})/u)) {
        const shown = text.slice(at, (at += part.length));
        const bare = part.replace(/\p{N}+$/u, "");
        words.push({ shown, read: part });
        if (bare && bare !== part) words.push({ shown: shown.slice(0, bare.length), read: bare });
      }
    }
    runs.forEach((first, i) => {
      let read = first.read;
      for (const next of runs.slice(i + 1)) {
        read += next.read;
        if (read.length > LONGEST) break;
        words.push({ shown: text.slice(first.at, next.end), read });
      }
    });
  }
  return words.filter((w) => w.read);
}

/**
 * The role word a label holds as a word of its own, after folding look-alikes and case ("0WNER", "Rev1ewer",
 * Cyrillic "оwner"), as the role word itself; null when it holds none. Words that merely contain one ("Sysadmin",
 * "Townerson", "authority") pass.
 */
export function roleWordIn(label: string): { word: string; role: string } | null {
  const map = roleFormsMap();
  for (const { shown, read } of wordsOf(label)) {
    for (const form of forms(read)) {
      const role = map.get(form);
      if (role) return { word: shown, role };
    }
  }
  return null;
}
