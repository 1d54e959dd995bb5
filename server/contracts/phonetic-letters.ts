/**
 * Letters of the phonetic and small-capital blocks: IPA Extensions (U+0250-U+02AF), Phonetic Extensions and their
 * Supplement (U+1D00-U+1DBF), the small capitals F, S and Q of Latin Extended-D (U+A730, U+A731, U+A7AF), the
 * phonetic letters of Latin Extended-E (U+AB30-U+AB65) and Latin Extended-G (U+1DF00-U+1DFFF). They are Latin by
 * script, so the mixed-script rule lets "ownᴇr" (U+1D07, small capital E) pass for "owner"; nobody's name needs
 * them.
 *
 * Kept out: the IPA-block letters living alphabets write names with (Azerbaijani ə, the African reference
 * alphabet's ɓ ɔ ɖ ɗ ɛ ɠ ɣ ɦ ɨ ɲ ʃ ʊ ʋ ʒ ʔ). Each has a capital outside these blocks (Ə, Ɔ, Ɛ ...) and none is a
 * stand-in for a plain Latin letter in common fonts. The modifier letters U+02B0-U+02FF (ʻ in "Hawaiʻi") are not
 * in these blocks.
 */
const ORTHOGRAPHIC = "\u0253\u0254\u0256\u0257\u0259\u025B\u0260\u0263\u0266\u0268\u0272\u0283\u028A\u028B\u0292\u0294";

export const PHONETIC_LETTER = new RegExp(
  `(?![${ORTHOGRAPHIC}])[\\u0250-\\u02AF\\u1D00-\\u1DBF\\uA730\\uA731\\uA7AF\\uAB30-\\uAB65\\u{1DF00}-\\u{1DFFF}]`,
  "u",
);
