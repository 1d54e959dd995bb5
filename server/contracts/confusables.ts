import { displayForm } from "./visible-text.js";

/**
 * Labels that read the same: a small look-alike map for Latin, Cyrillic, Greek, Armenian, Coptic and Cherokee
 * (written by hand for the letters that share a shape in common fonts; not Unicode's full confusables.txt) and the "skeleton" two labels
 * are compared by, in the manner of Unicode TS #39: decompose, replace each look-alike with its Latin prototype,
 * recompose. "rev1" and "rеv1" (Cyrillic е) or "Ivan" and "lvan" have one skeleton.
 */
/** Each look-alike (escaped, so the source shows which is which) and, at the same place, its Latin prototype. */
const LOOK_ALIKES: [from: string, to: string][] = [
  // Cyrillic, lower case (a, ie, o, er, es, u, ha, dze, byelorussian i, je, qa, we, shha, palochka) then upper.
  [
    "\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0455\u0456\u0458\u051B\u051D\u04BB\u04CF\u0410\u0412\u0415\u041A\u041C\u041D\u041E\u0420\u0421\u0422\u0425\u0423\u0405\u0406\u0408\u051A\u051C\u04C0",
    "aeopcyxsijqwhlABEKMHOPCTXYSlJQWl",
  ],
  // Greek, lower case (alpha, omicron, nu, rho, upsilon, iota, chi, gamma, lunate sigma, yot) then upper.
  [
    "\u03B1\u03BF\u03BD\u03C1\u03C5\u03B9\u03C7\u03B3\u03F2\u03F3\u0391\u0392\u0395\u0396\u0397\u0399\u039A\u039C\u039D\u039F\u03A1\u03A4\u03A5\u03A7\u03F9",
    "aovpuixycjABEZHlKMNOPTYXC",
  ],
  // Armenian (lower o, u, n, h, g, q; upper O, U, S, L): whole-Armenian "ցօ" passes for "go".
  ["\u0585\u057D\u0578\u0570\u0581\u0566\u0555\u054D\u054F\u053C", "ounhgqOUSL"],
  // Coptic (o, p, c, x upper and lower; B, H, I, K, M, N, T).
  ["\u2C9F\u2C9E\u2CA3\u2CA2\u2CA5\u2CA4\u2CAD\u2CAC\u2C82\u2C8E\u2C92\u2C94\u2C98\u2C9A\u2CA6", "oOpPcCxXBHlKMNT"],
  // Cherokee capitals drawn as Latin capitals (A, B, C, D, E, G, H, J, K, L, M, P, R, S, T, V, W, Z).
  ["\u13AA\u13F4\u13DF\u13A0\u13AC\u13C0\u13BB\u13AB\u13E6\u13DE\u13B7\u13E2\u13A1\u13DA\u13A2\u13D9\u13B3\u13C3", "ABCDEGHJKLMPRSTVWZ"],
  // Within Latin and digits: the shapes sans-serif fonts draw alike.
  ["I1|0", "lllO"],
];
const PROTOTYPES: Record<string, string> = Object.fromEntries(
  LOOK_ALIKES.flatMap(([from, to]) => Array.from(from, (ch, i) => [ch, to[i]!] as const)),
);
/** Letter pairs that read as one letter ("rn" as "m", "vv" as "w"); applied after the single letters. */
const PAIRS: [RegExp, string][] = [
  [/rn/g, "m"],
  [/vv/g, "w"],
];

/**
 * The form two labels are compared by: equal skeletons read the same. Spaces are collapsed first (displayForm),
 * so a label stored before that rule ("Sam  Lee") still meets its look-alikes.
 */
export function skeleton(label: string): string {
  const mapped = Array.from(displayForm(label).normalize("NFD"), (ch) => PROTOTYPES[ch] ?? ch).join("");
  return PAIRS.reduce((s, [pair, one]) => s.replace(pair, one), mapped).normalize("NFC");
}

/** Two different labels a reader would take for one (identical labels are the caller's own rule). */
export const confusable = (a: string, b: string): boolean => displayForm(a) !== displayForm(b) && skeleton(a) === skeleton(b);
