/**
 * English number words read as figures, for the worked-estimate check only: "a hundred and eight million
 * tokens" is 108000000 tokens, "fifty-four dollars" $54, "one point two seconds" 1.2 seconds, "half a million"
 * 500000. A run of number words is read only where it is a quantity: before a unit or a noun of amount
 * ("tokens", "dollars", "ms", "a day"), or beside arithmetic ("times", "plus", "=", "×"). "One of the
 * options" and "a second look" are left as they are. One pass over the words, each read once.
 */

const ONES: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Words after a figure that make it a quantity: units, currencies and nouns of amount (a prefix is enough). */
const UNIT_AFTER =
  /^(?:\$|%|percent|per\b|a (?:day|month|week|year|second|minute|call|request)\b|an? hour\b|dollars?|bucks|cents?|usd|tokens?|tok\b|requests?|calls?|queries|query|users?|ms\b|millisec|milliseconds?|seconds?|secs?\b|s\b|minutes?|mins?\b|hours?|hrs?\b|days?|weeks?|months?|years?|gb|mb|kb|tb|bytes?|gigabytes?|megabytes?|gpus?|replicas?|nodes?|servers?|documents?|docs?\b|pages?|chunks?|emails?|reviews?|sessions?|tickets?|messages?|questions?|answers?|searches|turns?|items?|steps?|stages?|hops?|rps\b|qps\b|x\b|×|\*|\+|=|≈|times\b|plus\b|minus\b|divided\b|multiplied\b|over (?:the|budget|target)|too\b|slower\b|faster\b|more\b|less\b|each\b|apiece\b|in total\b)/i;
/** Words before a figure that make it a quantity: arithmetic, or a currency sign. */
const OP_BEFORE =
  /(?:[×*+=≈$/-]|\btimes|\bplus|\bminus|\bby|\bequals|\bis|\bof|\bat|\bto|\babout|\baround|\broughly|\bapproximately|\bnearly|\bsome)\s*$/i;

type Word = { text: string; start: number; end: number };

/** The value of a run of number words, or null when the run is not one number ("one two"). */
function valueOf(words: string[]): number | null {
  let total = 0;
  let current = 0;
  let any = false;
  let half = false;
  let lastSmall = -1; // the last ones/tens word read into `current`, so "twenty five" joins and "five five" does not
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === "and") continue;
    if (w === "a" || w === "an") {
      if (!any) current = 1;
      continue;
    }
    if (w === "half") {
      // "one and a half million" adds a half; "half a million" halves what follows.
      if (any) current += 0.5;
      else half = true;
      continue;
    }
    if (w === "point") {
      // Decimal digits follow, one word each: "one point two five".
      let frac = "";
      for (const d of words.slice(i + 1)) {
        const v = ONES[d];
        if (v === undefined || v > 9) return null;
        frac += String(v);
      }
      if (!frac) return null;
      return total + current + Number(`0.${frac}`);
    }
    const parts = w.split("-");
    if (parts.length === 2) {
      const t = TENS[parts[0]!];
      const o = ONES[parts[1]!];
      if (t === undefined || o === undefined || o > 9) return null;
      if (lastSmall >= 0 && lastSmall < 100) return null;
      current += t + o;
      lastSmall = t + o;
      any = true;
      continue;
    }
    if (ONES[w] !== undefined || TENS[w] !== undefined) {
      const v = ONES[w] ?? TENS[w]!;
      // "twenty five" joins; "five five", "twelve three" do not.
      if (lastSmall >= 0 && !(lastSmall >= 20 && lastSmall % 10 === 0 && v < 10)) return null;
      current += v;
      lastSmall = v;
      any = true;
      continue;
    }
    if (w === "hundred") {
      current = (current || 1) * 100;
      lastSmall = -1;
      any = true;
      continue;
    }
    const scale = SCALES[w];
    if (scale !== undefined) {
      total += (current || 1) * scale;
      current = 0;
      lastSmall = -1;
      any = true;
      continue;
    }
    return null;
  }
  if (!any) return null;
  const v = total + current;
  return half ? v / 2 : v;
}

const isNumberWord = (w: string) =>
  ONES[w] !== undefined ||
  TENS[w] !== undefined ||
  SCALES[w] !== undefined ||
  w === "hundred" ||
  (/^[a-z]+-[a-z]+$/.test(w) && TENS[w.split("-")[0]!] !== undefined && ONES[w.split("-")[1]!] !== undefined);

/** Words that may sit inside a number's run but never make one alone. */
const JOINER = new Set(["and", "a", "an", "half", "point"]);

/**
 * The run of number words starting at word `i` (joiners only between number words): its end after the last
 * number word, and where the scan stopped (a run of joiners alone, "half a half a ...", is skipped whole).
 */
function runAt(words: Word[], i: number, text: string): { end: number; scanned: number } {
  let j = i;
  let lastNumber = -1;
  while (j < words.length) {
    const w = words[j]!.text;
    // Only spaces may separate the words of one number ("twelve thousand", not "twelve, thousand").
    if (j > i && !/^[\s]+$/.test(text.slice(words[j - 1]!.end, words[j]!.start))) break;
    if (isNumberWord(w)) lastNumber = j;
    else if (!JOINER.has(w)) break;
    else if (w === "point" && lastNumber < 0) break;
    j++;
  }
  return { end: lastNumber + 1, scanned: j };
}

const format = (n: number) => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6))));

/**
 * The text with every run of number words in a quantity position written as a figure. "fifty-four dollars" and
 * "fifty cents" become "$54" and "$0.5" (the currency read as a sign, as the arithmetic expects).
 */
export function readNumberWords(text: string): string {
  if (!/[a-z]/i.test(text)) return text;
  const words: Word[] = [];
  for (const m of text.matchAll(/[A-Za-z]+(?:-[A-Za-z]+)?/g))
    words.push({ text: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  let out = "";
  let cursor = 0;
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!.text;
    if (!isNumberWord(first) && !JOINER.has(first)) continue;
    const { end, scanned } = runAt(words, i, text);
    if (end <= i) {
      i = Math.max(i, scanned - 1);
      continue;
    }
    const run = words.slice(i, end).map((w) => w.text);
    // A run must hold a number word, and "a"/"an"/"half" open one only before a scale ("a hundred", "half a million").
    if (
      JOINER.has(first) &&
      !(first === "half" || ((first === "a" || first === "an") && /^(?:hundred|thousand|million|billion|dozen)$/.test(run[1] ?? "")))
    )
      continue;
    // "and" or "point" may not end a run.
    const value = valueOf(run);
    if (value === null) {
      i = end - 1;
      continue;
    }
    const from = words[i]!.start;
    const to = words[end - 1]!.end;
    const after = text.slice(to, to + 24).replace(/^\s+/, "");
    const before = text.slice(Math.max(0, from - 16), from);
    // A scale word after digits is their scale ("5 billion tokens", read by statedFigures), not a number of its own:
    // written as one it made "5 1000000000 tokens", two figures and neither the right one.
    if (SCALES[first] !== undefined && /\d\s+$/.test(before)) {
      i = end - 1;
      continue;
    }
    if (!UNIT_AFTER.test(after) && !OP_BEFORE.test(before)) {
      i = end - 1;
      continue;
    }
    // A lone small word before an ordinary noun stays a word: "one of the", "two options" read only before a unit.
    if (!UNIT_AFTER.test(after) && run.length === 1 && value < 10 && !/[×*+=≈$]\s*$|\b(?:times|plus|minus|equals)\s*$/i.test(before)) {
      i = end - 1;
      continue;
    }
    const currency = /^\s*(dollars?|bucks|usd|cents?)\b/i.exec(text.slice(to, to + 24));
    out += text.slice(cursor, from);
    if (currency) {
      out += `$${format(/^cent/i.test(currency[1]!) ? value / 100 : value)}`;
      cursor = to + currency[0].length;
    } else {
      out += format(value);
      cursor = to;
    }
    i = end - 1;
  }
  return out + text.slice(cursor);
}
