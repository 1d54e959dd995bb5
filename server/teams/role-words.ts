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

/**
 * The words of a label: runs of letters, marks and digits; a word written in camel case ("DanaOwner") is two, and
 * digits at a word's end ("admin2") are left off. Digits inside a word stay ("rev1ewer"): the skeleton reads a 1 as
 * an l, as it reads an I.
 */
function wordsOf(label: string): string[] {
  return displayForm(label)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .flatMap((run) => run.split(/(?<=\p{Ll})(?=\p{Lu})/u))
    .flatMap((word) => {
      const bare = word.replace(/\p{N}+$/u, "");
      return bare && bare !== word ? [word, bare] : [word];
    })
    .filter(Boolean);
}

/**
 * The role word a label holds as a word of its own, after folding look-alikes and case ("0WNER", "Rev1ewer",
 * Cyrillic "оwner"), as the role word itself; null when it holds none. Words that merely contain one ("Sysadmin",
 * "Townerson", "authority") pass.
 */
export function roleWordIn(label: string): { word: string; role: string } | null {
  const map = roleFormsMap();
  for (const word of wordsOf(label)) {
    for (const form of forms(word)) {
      const role = map.get(form);
      if (role) return { word, role };
    }
  }
  return null;
}
