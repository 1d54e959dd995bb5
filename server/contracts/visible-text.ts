import { z } from "zod";
import { mixedScriptWord } from "./mixed-script.js";
import { PHONETIC_LETTER } from "./phonetic-letters.js";

/**
 * Characters that change how a name reads without showing: controls (NUL, escapes), format characters (zero-width
 * spaces and joiners, bidi overrides such as U+202E, the BOM), unassigned, private-use and lone surrogate code
 * points, the Hangul fillers and the blank Braille pattern that render blank (U+3164, U+2800) and variation
 * selectors. A reviewer's label "rev1" and "rev1" + U+200B would otherwise both be live and read the same.
 */
const HIDDEN_CHARACTER = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\u115F\u1160\u2800\u3164\uFFA0]|\p{Variation_Selector}/u;

/**
 * The same for free text (override notes, pack titles): prose may hold line breaks and tabs, the zero-width
 * (non-)joiners Persian and Indic writing needs (U+200C, U+200D, also in emoji sequences), the directional marks
 * right-to-left text needs (U+200E, U+200F, U+061C) and emoji variation selectors. Bidi embeddings, overrides and
 * isolates (U+202A-U+202E, U+2066-U+2069) are what reorder a note on screen ("\u202Eevil" shows reversed), and
 * stay refused with every other control and format character.
 */
const HIDDEN_IN_PROSE = /(?![\t\n\r\u200C-\u200F\u061C])[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\u115F\u1160\u2800\u3164\uFFA0]/u;

/**
 * Every run of spaces (NBSP, thin and ideographic spaces, line separators as well as ASCII ones) becomes one ASCII
 * space: a page collapses "Sam   Lee" to "Sam Lee", so a stored label must not keep the difference.
 */
const SPACE_RUN = /[\p{Zs}\p{Zl}\p{Zp}]+/gu;

/**
 * A combining mark with no letter before it: at the start of the name or of a word. It has nothing to sit on, so it
 * draws over the space or whatever the page shows before the label, and "\u0301Alice Smith" read as "Alice Smith"
 * while its skeleton differed.
 */
const LEADING_MARK = /(?:^|[\p{Zs}\p{Zl}\p{Zp}])(\p{M})/u;

export const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** The form a name is stored and compared in: NFKC-folded, each run of spaces one ASCII space, trimmed. */
export const displayForm = (name: string): string => name.normalize("NFKC").replace(SPACE_RUN, " ").trim();

/**
 * A name people read (a token label, a team name, a candidate label): in its display form, no hidden characters, no
 * word mixing scripts (./mixed-script.ts) and no phonetic or small-capital letter (./phonetic-letters.ts).
 */
export function visibleName(schema: z.ZodString, what: string) {
  // Checked as sent (the character named is the one the sender typed), then folded: NFKC maps some hidden
  // characters onto others, and full-width letters onto the label they imitate.
  return schema
    .superRefine((s, ctx) => {
      const hidden = HIDDEN_CHARACTER.exec(s) ?? HIDDEN_CHARACTER.exec(s.normalize("NFKC"));
      if (hidden) {
        ctx.addIssue({ code: "custom", message: `${what} may not hold invisible or control characters (found ${codePoint(hidden[0])})` });
        return;
      }
      // Checked after folding: a full-width Latin letter is Latin once folded, and the stored label is the folded one.
      const folded = displayForm(s);
      const leading = LEADING_MARK.exec(folded) ?? LEADING_MARK.exec(s);
      if (leading) {
        ctx.addIssue({
          code: "custom",
          message: `${what} may not start a word with a combining mark (found ${codePoint(leading[1]!)}, which has no letter to sit on); put it after the letter it marks`,
        });
        return;
      }
      const mixed = mixedScriptWord(folded);
      if (mixed) {
        ctx.addIssue({
          code: "custom",
          message: `${what} may not mix ${mixed.other} and ${mixed.script} letters in one word ("${mixed.word}" holds ${codePoint(mixed.char)}, ${article(mixed.script)} ${mixed.script} ${/\p{N}/u.test(mixed.char) ? "digit" : "letter"}); write each word in one script`,
        });
        return;
      }
      const phonetic = PHONETIC_LETTER.exec(folded);
      if (phonetic)
        ctx.addIssue({
          code: "custom",
          message: `${what} may not hold phonetic or small-capital letters (found ${codePoint(phonetic[0])} "${phonetic[0]}"); write the ordinary letter`,
        });
    })
    .transform(displayForm);
}

/** Free text the team pages show (an override note, a pack title): no bidi control or other hidden character. */
export function visibleText(schema: z.ZodString, what: string) {
  return schema.superRefine((s, ctx) => {
    const hidden = hiddenInProse(s);
    if (hidden) ctx.addIssue({ code: "custom", message: `${what} may not hold ${hidden}` });
  });
}

/** What hidden character free text holds, described for a refusal ("a bidi control (U+202E)"), or null. */
export function hiddenInProse(text: string): string | null {
  const found = HIDDEN_IN_PROSE.exec(text);
  if (!found) return null;
  const bidi = /[\u202A-\u202E\u2066-\u2069]/u.test(found[0]);
  return `${bidi ? "a bidi control" : "an invisible or control character"} (${codePoint(found[0])}), which changes how the text reads on screen`;
}

const article = (word: string) => (/^[AEIOU]/i.test(word) ? "an" : "a");
