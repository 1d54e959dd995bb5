/**
 * Labels that read the same: a small look-alike map for Latin, Cyrillic and Greek (written by hand for the
 * letters that share a shape in common fonts; not Unicode's full confusables.txt) and the "skeleton" two labels
 * are compared by, in the manner of Unicode TS #39: decompose, replace each look-alike with its Latin prototype,
 * recompose. "rev1" and "rеv1" (Cyrillic е) or "Ivan" and "lvan" have one skeleton.
 */
const PROTOTYPES: Record<string, string> = {
  // Cyrillic, lower then upper case.
  а: "a",
  е: "e",
  о: "o",
  р: "p",
  с: "c",
  у: "y",
  х: "x",
  ѕ: "s",
  і: "i",
  ј: "j",
  ԛ: "q",
  ԝ: "w",
  һ: "h",
  ӏ: "l",
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  Х: "X",
  У: "Y",
  Ѕ: "S",
  І: "l",
  Ј: "J",
  Ԛ: "Q",
  Ԝ: "W",
  Ӏ: "l",
  // Greek, lower then upper case.
  α: "a",
  ο: "o",
  ν: "v",
  ρ: "p",
  υ: "u",
  ι: "i",
  χ: "x",
  γ: "y",
  ϲ: "c",
  ϳ: "j",
  Α: "A",
  Β: "B",
  Ε: "E",
  Ζ: "Z",
  Η: "H",
  Ι: "l",
  Κ: "K",
  Μ: "M",
  Ν: "N",
  Ο: "O",
  Ρ: "P",
  Τ: "T",
  Υ: "Y",
  Χ: "X",
  Ϲ: "C",
  // Within Latin and digits: the shapes sans-serif fonts draw alike.
  I: "l",
  "1": "l",
  "|": "l",
  "0": "O",
};
/** Letter pairs that read as one letter ("rn" as "m", "vv" as "w"); applied after the single letters. */
const PAIRS: [RegExp, string][] = [
  [/rn/g, "m"],
  [/vv/g, "w"],
];

/** The form two labels are compared by: equal skeletons read the same. */
export function skeleton(label: string): string {
  const mapped = Array.from(label.normalize("NFD"), (ch) => PROTOTYPES[ch] ?? ch).join("");
  return PAIRS.reduce((s, [pair, one]) => s.replace(pair, one), mapped).normalize("NFC");
}

/** Two different labels a reader would take for one (identical labels are the caller's own rule). */
export const confusable = (a: string, b: string): boolean => a !== b && skeleton(a) === skeleton(b);
