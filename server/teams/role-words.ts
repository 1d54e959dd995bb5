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

/**
 * The same roles in the languages a team most likely writes labels in (French, German, Spanish, Portuguese, Italian,
 * Polish, Russian, Ukrainian, Chinese, Japanese, Korean), each to the role word above it means: "Marie
 * (propriétaire)", "Jonas Inhaber", "Иван (владелец)" claim a role as plainly as "Dana (owner)" (session 18 red-team
 * F4). Nouns of the role and its feminine form; words that are also common given names or surnames ("dona", "Prüfer")
 * are left out, and so are the generic words for a reader or spectator. Synonyms (superuser, root) are not here.
 */
const IN_OTHER_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  owner: [
    ...["propriétaire", "Inhaber", "Inhaberin", "Eigentümer", "Eigentümerin", "Besitzer", "Besitzerin"],
    ...["propietario", "propietaria", "dueño", "dueña", "proprietário", "proprietária", "proprietario", "proprietaria"],
    ...["właściciel", "właścicielka", "владелец", "владелица", "хозяин", "власник", "власниця"],
    ...["所有者", "拥有者", "擁有者", "オーナー", "소유자", "오너"],
  ],
  admin: [
    ...["administrateur", "administratrice", "Verwalter", "Verwalterin", "administrador", "administradora"],
    ...["amministratore", "amministratrice", "administratorka", "администратор", "админ", "адміністратор", "адмін"],
    ...["管理员", "管理員", "管理者", "管理人", "관리자", "운영자"],
    // Loanwords: the English word in katakana and hangul, as Japanese and Korean teams write it.
    ...["アドミン", "アドミニストレーター", "アドミニストレータ", "어드민"],
  ],
  editor: [
    ...["éditeur", "éditrice", "rédacteur", "rédactrice", "Bearbeiter", "Bearbeiterin", "Redakteur", "Redakteurin"],
    ...["editora", "redattore", "redattrice", "redaktor", "redaktorka", "редактор", "редакторка"],
    ...["编辑", "編輯", "編集者", "편집자", "エディター", "エディタ", "에디터"],
  ],
  reviewer: [
    ...["réviseur", "réviseuse", "relecteur", "relectrice", "Gutachter", "Gutachterin", "revisor", "revisora", "revisore"],
    ...["recenzent", "recenzentka", "рецензент", "ревьюер", "рецензентка"],
    ...["审核员", "审阅者", "審核員", "審閱者", "审核人", "審核人", "审阅人", "レビュアー", "レビューア", "レビュワー", "검토자", "리뷰어"],
  ],
  viewer: [
    "Betrachter",
    "Betrachterin",
    "наблюдатель",
    "спостерігач",
    "查看者",
    "閲覧者",
    "열람자",
    "ビューアー",
    "ビューワー",
    "ビューア",
    "뷰어",
  ],
  moderator: ["版主", "モデレーター", "모더레이터"],
};

/** Scripts written without spaces between words: a role word there is found inside the label's text ("王伟管理员"). */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Kanji and signs that look like a katakana letter or the long-vowel mark: "エディ夕ー" (夕, evening, for タ), "オ一ナ一"
 * (一, one, for ー), "オ－ナ－" (a dash). None of them occurs in a role word written in Han characters, so reading them
 * as katakana finds the loanwords without changing what the Han words match.
 */
const KANA_LOOKALIKES: Record<string, string> = {
  工: "エ",
  口: "ロ",
  力: "カ",
  夕: "タ",
  卜: "ト",
  二: "ニ",
  八: "ハ",
  一: "ー",
  "-": "ー",
  "‐": "ー",
  "‑": "ー",
  "‒": "ー",
  "–": "ー",
  "—": "ー",
  "―": "ー",
  "−": "ー",
  "～": "ー",
  "〜": "ー",
  "~": "ー",
};
const KANA_LOOKALIKE = new RegExp(`[${Object.keys(KANA_LOOKALIKES).join("").replace("-", "\\-")}]`, "gu");

/**
 * Chinese, Japanese and Korean text as it is compared with the role words: in NFKC (full-width and half-width forms,
 * compatibility ideographs and Kangxi radicals read as the usual characters: "ｵｰﾅｰ" is "オーナー"), hiragana read as
 * katakana ("おーなー"), look-alike kanji and dashes read as the katakana they imitate, and with everything between
 * letters taken out ("管 理 员", "管·理·员", "オ.ー.ナ.ー"), as the Latin words are read across separators.
 */
function unspacedForm(text: string): string {
  return text
    .normalize("NFKC")
    .replace(KANA_LOOKALIKE, (c) => KANA_LOOKALIKES[c]!)
    .replace(/[^\p{L}\p{M}ー]/gu, "")
    .replace(/[\u3041-\u3096\u309d\u309e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** Every word read as a role, to the role it names: the role words, the other languages' words, each also without its accents. */
const MEANINGS: readonly (readonly [word: string, role: string])[] = [
  ...new Map(
    [
      ...ROLE_WORDS.map((w) => [w, w] as const),
      ...Object.entries(IN_OTHER_LANGUAGES).flatMap(([role, ws]) => ws.map((w) => [w, role] as const)),
    ]
      .flatMap(([w, role]) => [[w, role] as const, [w.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC"), role] as const])
      .map(([w, role]) => [w.toLowerCase(), role] as const),
  ),
];
const UNSPACED_MEANINGS = MEANINGS.filter(([w]) => UNSPACED.test(w)).map(([w, role]) => [w, role, unspacedForm(w)] as const);

/** A word as a reader takes it, in each case: skeletons (look-alikes folded) of the word, in small letters and in capitals. */
const forms = (word: string) => [word, word.toLowerCase(), word.toUpperCase()].map(skeleton);

/** Built on first use (the skeleton table is large): each form of each word read as a role, to the role. */
let roleForms: Map<string, string> | null = null;
const roleFormsMap = () => (roleForms ??= new Map(MEANINGS.flatMap(([word, role]) => forms(word).map((form) => [form, role] as const))));

/** The longest role word: words spelt across more of a label than this cannot be one. */
const LONGEST = Math.max(...MEANINGS.map(([w]) => w.length));

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
 * Cyrillic "оwner"), or a word of another language for a role ("владелец"; in Chinese, Japanese and Korean anywhere
 * in the label), with the role it names; null when it holds none. Words that merely contain one ("Sysadmin",
 * "Townerson", "authority") pass.
 */
export function roleWordIn(label: string): { word: string; role: string } | null {
  const unspaced = unspacedForm(label);
  for (const [word, role, form] of UNSPACED_MEANINGS) if (unspaced.includes(form)) return { word, role };
  const map = roleFormsMap();
  for (const { shown, read } of wordsOf(label)) {
    for (const form of forms(read)) {
      const role = map.get(form);
      if (role) return { word: shown, role };
    }
  }
  return null;
}
