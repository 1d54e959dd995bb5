import { z } from "zod";
import { mixedScriptWord } from "./mixed-script.js";

/**
 * Characters that change how a name reads without showing: controls (NUL, escapes), format characters (zero-width
 * spaces and joiners, bidi overrides such as U+202E, the BOM), unassigned, private-use and lone surrogate code
 * points, the Hangul fillers that render blank (U+3164) and variation selectors. A reviewer's
 * label "rev1" and "rev1" + U+200B would otherwise both be live and read the same in the audit trail.
 */
const HIDDEN_CHARACTER = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\u115F\u1160\u3164\uFFA0]|\p{Variation_Selector}/u;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * A name people read (a token label, a team name, a candidate label): NFKC-folded, no hidden characters, and no
 * word that mixes Latin with Cyrillic or Greek letters (./mixed-script.ts).
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
      const mixed = mixedScriptWord(s.normalize("NFKC"));
      if (mixed)
        ctx.addIssue({
          code: "custom",
          message: `${what} may not mix ${mixed.other} and ${mixed.script} letters in one word ("${mixed.word}" holds ${codePoint(mixed.char)}, a ${mixed.script} letter); write each word in one script`,
        });
    })
    .transform((s) => s.normalize("NFKC"));
}
