/**
 * Text that shows nothing: whitespace, format characters (zero-width spaces and joiners, word
 * joiners, soft hyphens, direction marks: Unicode category Cf) and the blank-looking letters
 * that render as empty space (Hangul fillers, the blank Braille pattern). An answer made only of
 * these is blank: accepting it would record an "answer" the candidate never wrote.
 */
const SHOWS_NOTHING = /^[\s\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]*$/u;

export const isBlank = (text: string | undefined): boolean => text === undefined || SHOWS_NOTHING.test(text);
