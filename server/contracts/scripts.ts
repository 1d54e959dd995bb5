/**
 * Which writing systems a character belongs to, from the Unicode Script_Extensions property (a character such as
 * the Katakana-Hiragana prolonged sound mark "ー" belongs to two). JavaScript has no way to list a character's
 * scripts, so every script is tested by name; names the running engine does not know yet are skipped (see
 * test/unit/team-labels.test.ts: every letter of this engine's Unicode has a script here).
 */
const SCRIPT_NAMES = `Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak Bengali
  Beria_Erfe Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian Caucasian_Albanian Chakma Cham
  Cherokee Chorasmian Coptic Cuneiform Cypriot Cypro_Minoan Cyrillic Deseret Devanagari Dives_Akuru Dogra Duployan
  Egyptian_Hieroglyphs Elbasan Elymaic Ethiopic Garay Georgian Glagolitic Gothic Grantha Greek Gujarati Gunjala_Gondi
  Gurmukhi Gurung_Khema Han Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana Imperial_Aramaic
  Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kannada Katakana Kawi Kayah_Li Kharoshthi
  Khitan_Small_Script Khmer Khojki Khudawadi Kirat_Rai Lao Latin Lepcha Limbu Linear_A Linear_B Lisu Lycian Lydian
  Mahajani Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui
  Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mongolian Mro Multani Myanmar Nabataean Nag_Mundari Nandinagari
  New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Ol_Onal Old_Hungarian Old_Italic Old_North_Arabian
  Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Oriya Osage Osmanya Pahawh_Hmong
  Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan Saurashtra Sharada Shavian Siddham
  Sidetic SignWriting Sinhala Sogdian Sora_Sompeng Soyombo Sundanese Sunuwar Syloti_Nagri Syriac Tagalog Tagbanwa
  Tai_Le Tai_Tham Tai_Viet Tai_Yo Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Todhri
  Tolong_Siki Toto Tulu_Tigalari Ugaritic Vai Vithkuqi Wancho Warang_Citi Yezidi Yi Zanabazar_Square`.split(/\s+/);

const compile = (source: string): RegExp | null => {
  try {
    return new RegExp(source, "u");
  } catch {
    return null; // a script newer than this engine's Unicode
  }
};
type Known = { name: string; main: RegExp; extended: RegExp };
let compiled: Known[] | null = null;
/** Compiled on first use: ~340 patterns, which a page that never checks a label should not pay for. */
const known = (): Known[] =>
  (compiled ??= SCRIPT_NAMES.flatMap((name) => {
    const main = compile(`\\p{Script=${name}}`);
    const extended = compile(`\\p{Script_Extensions=${name}}`);
    return main && extended ? [{ name, main, extended }] : [];
  }));
/** The scripts this engine knows, by name (the coverage test reads them). */
export const knownScripts = (): string[] => known().map((s) => s.name);
/** Digits, punctuation and combining marks shared by every script: they never make a word mixed. */
const SHARED = /\p{Script_Extensions=Common}|\p{Script_Extensions=Inherited}/u;

/** A script named for a character no script here knows (a newer Unicode): it combines with nothing. */
export const UNKNOWN_SCRIPT = "Unknown";

export type CharScripts = { main: string; all: Set<string> };
const cache = new Map<string, CharScripts | null>();

/** The character's own script and every script it is used with; null for characters every script shares. */
export function scriptsOf(ch: string): CharScripts | null {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let found: CharScripts | null = null;
  if (!SHARED.test(ch)) {
    const all = new Set(
      known()
        .filter((s) => s.extended.test(ch))
        .map((s) => s.name),
    );
    const main = known().find((s) => s.main.test(ch))?.name ?? [...all][0] ?? UNKNOWN_SCRIPT;
    found = { main, all: all.size ? all : new Set([UNKNOWN_SCRIPT]) };
  }
  if (cache.size < 10_000) cache.set(ch, found);
  return found;
}
