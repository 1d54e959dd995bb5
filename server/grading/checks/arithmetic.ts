import { PERIOD_DAYS } from "./periods.js";

/**
 * One calculation written in an answer: "2,000 × $2.50/1M + 400 × $10/1M = $0.009". A conversion ("48,000 s ≈
 * 13.3 hours") is one too: one operand, computed in the unit of the result.
 */
export type Equation = {
  text: string;
  at: number;
  operands: number[];
  computed: number;
  stated: number;
  correct: boolean;
  /** A unit conversion rather than a calculation. */
  conversion?: true;
  /** The unit the result is written in ("$", "GB", "hours"), and for bytes the scale its values are divided by to read in it. */
  unit?: { name: string; scale: number };
};

/**
 * What joins a calculation to its result: a sign, or words ("is", "that's", "comes to"). A word relation needs a
 * calculation on its left like any other: "the latency is 300 ms" has none and is no equation.
 */
const RELATION =
  /\s(?:=|≈|~=|~|→|->|equals|is about|is roughly|is around|comes to|works out to|adds up to|is|that's|that is|gives|makes|totals)\s/g;
/** A relation that restates its left side rather than going on from it: only these convert a unit. */
const RESTATES = /^\s(?:=|≈|~=|~|equals|is about|is roughly|is around|is|that's|that is)\s$/;
/** A relation that says the result is rounded. */
const APPROXIMATE = /[≈~]|about|roughly|around/;
/**
 * How far a stated result may be from the computed one: half a unit of its last significant digit ("1,850" for
 * 1,846, "2,000" for 1,950, at most 10% off), or 2% (4% after "≈", "about"). A sum of exact figures written
 * 100 short ("= 1740" for 1,840) is a slip, not a rounding.
 */
const EXACT_SHARE = 0.02;
const APPROXIMATE_SHARE = 0.04;
const ROUNDING_CAP = 0.1;
/** Deeper parentheses than any calculation a person writes; the parser recurses per level, so it stops here. */
const MAX_PAREN_DEPTH = 32;
const SCALE: Record<string, number> = {
  k: 1e3,
  m: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  thousand: 1e3,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
};

/** Time units an operand or a result may carry, in milliseconds: "30 s", "13.3 hours". */
const TIME_UNIT: Record<string, number> = {
  ms: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1e3,
  sec: 1e3,
  secs: 1e3,
  second: 1e3,
  seconds: 1e3,
  min: 6e4,
  mins: 6e4,
  minute: 6e4,
  minutes: 6e4,
  h: 3.6e6,
  hr: 3.6e6,
  hrs: 3.6e6,
  hour: 3.6e6,
  hours: 3.6e6,
};

/**
 * A number token; `unit` marks the 1M of "per 1M", which a price carries and the candidate did not compute with.
 * `money` marks a figure written with "$", `time` the milliseconds of its time unit, `percent` a "%" (its value is
 * already the fraction: "85%" is 0.85), `bytes` the scale of a KB/MB/GB/TB figure (its value is in bytes).
 */
type NumToken = {
  kind: "num";
  value: number;
  unit?: true;
  money?: true;
  time?: number;
  percent?: true;
  bytes?: number;
  /** How far the written number may be from what it rounds, as a share of it ("$0.0003" 17%, "2,500" 2%). */
  rel?: number;
};
type Token = NumToken | { kind: "op"; op: "+" | "-" | "*" | "/" } | { kind: "paren"; open: boolean };

/** A price per stored unit ("$0.023 per GB-month", "$0.10/GB"): the figure it multiplies is read in that unit. */
const PER_BYTE_UNIT = /(?:\/|\bper\s)\s?(?:kb|mb|gb|tb)\b|\b(?:kb|mb|gb|tb)-month/i;
const BYTE_SCALE = new Set(["kb", "mb", "gb", "tb"]);

/**
 * Numbers, operators and parentheses of an expression; words between them (units) are skipped.
 * A number takes the space after it only together with a unit suffix ("2 k"), so a spaced
 * minus ("100 - 20") still has the leading space it is recognised by.
 * Read as a person means them (session 19): "85%" is 0.85 and "30% of $1,050" a product; a slash before a word
 * is "per" ("50 requests/s", "$2.40/hour"), not a division; "$" marks money and a time unit its scale.
 */
function tokenize(expr: string, bytesResult = false): Token[] {
  const tokens: Token[] = [];
  const perByte = PER_BYTE_UNIT.test(expr);
  // "13B x 2 bytes = 26 GB": where another figure is in bytes, a B is billions (parameters), not bytes (audit 18).
  const bytesNamed = /\bbytes?\b/i.test(expr);
  const re =
    /(\$\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:e[+-]?\d{1,3}(?![\d.]))?)(?:\s?(kb|mb|gb|tb|k|m|million|b|bn|billion|thousand))?(?![a-z])(?:\s?(%|percent\b|ms\b|milliseconds?\b|s\b|secs?\b|seconds?\b|mins?\b|minutes?\b|hrs?\b|hours?\b|h\b))?|\/\s?(?:1\s?)?m\b|per (?:1\s?m|m|million)\b|(?<=%\s?)of(?=\s?\$?\d)|\/(?!\s?[a-z])|[×*·÷+()]|\s[x−-]\s|\b(?:times|multiplied by|plus|minus|divided by)\b/gi;
  for (const m of expr.matchAll(re)) {
    const s = m[0];
    if (m[2]) {
      const suffix = m[3]?.toLowerCase();
      const unit = m[4]?.toLowerCase();
      // "3.6 GB × $0.023 per GB-month": the gigabytes are the unit the price counts, not 3.6e9 bytes. "× 4 B ≈ 184
      // GB": where the result is in bytes, a B is bytes, not billions.
      const asBytes = bytesResult && suffix === "b" && !bytesNamed;
      const scale = suffix && !(perByte && BYTE_SCALE.has(suffix)) && !asBytes ? (SCALE[suffix] ?? 1) : 1;
      const written = Number(m[2].replace(/,/g, ""));
      const token: NumToken = { kind: "num", value: written * scale };
      if (written) token.rel = halfUnit(m[2]) / written;
      if (m[1]) token.money = true;
      if (suffix && BYTE_SCALE.has(suffix)) token.bytes = SCALE[suffix]!;
      if (asBytes) token.bytes = 1;
      if (unit === "%" || unit === "percent") {
        token.value /= 100;
        token.percent = true;
      } else if (unit) token.time = TIME_UNIT[unit]!;
      tokens.push(token);
    } else if (/^of$/i.test(s)) tokens.push({ kind: "op", op: "*" });
    else if (/\/\s?(?:1\s?)?m|per (?:1\s?m|m|million)/i.test(s)) {
      tokens.push({ kind: "op", op: "/" }, { kind: "num", value: 1e6, unit: true });
    } else if (s === "(" || s === ")") tokens.push({ kind: "paren", open: s === "(" });
    else {
      const c = s.trim().toLowerCase();
      tokens.push({
        kind: "op",
        op:
          c === "+" || c === "plus"
            ? "+"
            : c === "−" || c === "-" || c === "minus"
              ? "-"
              : c === "÷" || c === "/" || c === "divided by"
                ? "/"
                : "*",
      });
    }
  }
  // "$1.50/1k", "$1.50/1,000": the thousand of a price per thousand is its unit, like the 1M of "$0.50/1M".
  tokens.forEach((t, i) => {
    const op = tokens[i - 1];
    const price = tokens[i - 2];
    if (t.kind === "num" && t.value === 1e3 && op?.kind === "op" && op.op === "/" && price?.kind === "num" && price.money) t.unit = true;
  });
  return tokens;
}

/** Standard precedence; null when the tokens are not a well-formed expression. */
function evaluate(tokens: Token[]): number | null {
  let i = 0;
  let depth = 0;
  const opAt = (ops: string): string | null => {
    const t = tokens[i];
    return t?.kind === "op" && ops.includes(t.op) ? t.op : null;
  };
  // One precedence level: operands joined left to right by its operators; null ends the whole evaluation.
  const level =
    (operand: () => number | null, ops: string, apply: (op: string, l: number, r: number) => number | null) => (): number | null => {
      let v = operand();
      for (let op = opAt(ops); v !== null && op; op = opAt(ops)) {
        i++;
        const r = operand();
        if (r === null) return null;
        v = apply(op, v, r);
      }
      return v;
    };
  const primary = (): number | null => {
    const t = tokens[i];
    if (!t) return null;
    if (t.kind === "num") return (i++, t.value);
    if (t.kind === "paren" && t.open) {
      if (depth >= MAX_PAREN_DEPTH) return null;
      i++;
      depth++;
      const v = sum();
      depth--;
      if (tokens[i]?.kind !== "paren") return null;
      i++;
      return v;
    }
    return null;
  };
  const product = level(primary, "*/", (op, l, r) => (op === "*" ? l * r : r === 0 ? null : l / r));
  const sum = level(product, "+-", (op, l, r) => (op === "+" ? l + r : l - r));
  const v = sum();
  return v !== null && i === tokens.length ? v : null;
}

/**
 * The value of the calculation that ends a left side. A figure in the words before it ("an 8,192-token sequence
 * needs 8,192 x 524 KB = 43 GB") is no operand: read whole, the two numbers side by side were no expression and the
 * equation, 10 times off, went unchecked (outside audit 15, session 18). So the longest well-formed tail is read.
 */
type Reading = { value: number; tail: Token[]; after?: Token };

function evaluateTail(tokens: Token[]): Reading | null {
  for (let k = 0; k < tokens.length - 2; k++) {
    if (k > 0 && tokens[k - 1]!.kind !== "num") return null;
    const tail = tokens.slice(k);
    if (tail.filter((t) => t.kind === "num" && !t.unit).length < 2 || !tail.some((t) => t.kind === "op")) return null;
    const value = evaluate(tail);
    if (value !== null) return { value, tail, ...(k > 0 ? { after: tokens[k - 1]! } : {}) };
  }
  return null;
}

/**
 * The readings of a left side: the longest well-formed tail (evaluateTail), then every shorter one that starts a new
 * term after a "+" or "-" ("≈ $15,500 plus 10.4B output × $0.60/1M ≈ $6,200" states the second term's result).
 */
function tailReadings(tokens: Token[]): Reading[] {
  const first = evaluateTail(tokens);
  if (!first) return [];
  const out = [first];
  const from = tokens.length - first.tail.length;
  for (let k = from + 1; k < tokens.length - 2; k++) {
    const before = tokens[k - 1]!;
    if (before.kind !== "op" || (before.op !== "+" && before.op !== "-")) continue;
    const tail = tokens.slice(k);
    if (tail.filter((t) => t.kind === "num" && !t.unit).length < 2 || !tail.some((t) => t.kind === "op")) continue;
    const value = evaluate(tail);
    if (value !== null) out.push({ value, tail });
  }
  return out;
}

/**
 * Every "expression = result" the candidate wrote, with whether the result
 * is right (within 12%: estimates round). Chains ("a ≈ b + c = d") are read
 * link by link.
 */
export function writtenEquations(text: string): Equation[] {
  const out: Equation[] = [];
  // Each sentence is found after the one before: searched from the start, a long answer's sentences cost a scan each.
  let cursor = 0;
  for (const sentence of text.split(/(?<=[.;!?])\s+|\n/)) {
    const offset = text.indexOf(sentence, cursor);
    cursor = offset + sentence.length;
    const relations = [...sentence.matchAll(RELATION)];
    let leftStart = 0;
    relations.forEach((rel, k) => {
      const left = lastClause(sentence.slice(leftStart, rel.index));
      const rightEnd = relations[k + 1]?.index ?? sentence.length;
      // Only the first 200 characters: the quote and the rounding word are read from its start (a long sentence of "is" stays linear).
      const right = sentence.slice(rel.index! + rel[0].length, rel.index! + rel[0].length + 200);
      leftStart = rel.index! + rel[0].length;
      const approximate = APPROXIMATE.test(rel[0]) || /^\s*(?:[≈~]|about|roughly|around|approximately|~)/i.test(right);
      const quote = `${left.trim()}${rel[0]}${right.trim().slice(0, 161).split(/;|,\s/)[0]}`.slice(0, 160);
      const at = offset + (rel.index ?? 0);
      const stated = statedResult(sentence.slice(rel.index! + rel[0].length, Math.min(rightEnd, rel.index! + rel[0].length + 200)));
      if (!stated) return;
      const tokens = tokenize(left, stated.bytes !== undefined);
      const operands = tokens.filter((t): t is NumToken => t.kind === "num");
      // "at $0.50 per 1M, that's $54" is a price, not a calculation: the 1M of a price is no operand of its own.
      if (operands.filter((t) => !t.unit).length < 2 || !tokens.some((t) => t.kind === "op")) {
        // "900 ms → ~1.35 s" is a timeline (then, at), not a conversion: only a relation that restates converts.
        const conversion = RESTATES.test(rel[0]) ? unitConversion(left, tokens, stated, approximate) : null;
        if (conversion) out.push({ ...conversion, text: quote, at });
        return;
      }
      const reads = tailReadings(tokens);
      const read = reads[0];
      if (!read || read.value === 0) return;
      const numsOf = (r: Reading) => r.tail.filter((t): t is NumToken => t.kind === "num");
      const tail = numsOf(read);
      // An operand written "~2 KB" or "$0.0003" is itself rounded: an approximate result may be off by its rounding.
      const roundedOperands = Math.min(
        ROUNDING_CAP,
        tail.reduce((a, t) => a + (t.unit ? 0 : (t.rel ?? 0)), 0),
      );
      const share = approximate ? Math.max(APPROXIMATE_SHARE, roundedOperands) : EXACT_SHARE;
      // A per-day figure that comes to "6 GB/mo" or "$750/month": the result may be over another period.
      const periods = periodRatio(left, sentence.slice(rel.index! + rel[0].length, rel.index! + rel[0].length + 60));
      const values = reads.flatMap((r) => {
        return inResultUnit(r.value, r.tail, stated).flatMap((v) => (periods === 1 ? [v] : [v, v * periods]));
      });
      const computed = values[0];
      if (computed === undefined) return;
      const within = (c: number, v: number, rounding: number) =>
        Math.abs(c - v) <= Math.max(share * Math.max(Math.abs(c), Math.abs(v)), Math.min(rounding, ROUNDING_CAP * Math.abs(c)));
      // Any reading of the right side that matches is the one meant: its first figure ("= 77.7B input tokens ×
      // $0.20/1M = $15,540" goes on calculating), the expression up to the next relation ("= $0.03 + $0.008 =
      // $0.038"), a percentage as a fraction or as a number ("= 53%"); and any reading of the left.
      const match = stated.readings.find((v) => values.some((c) => within(c, v, stated.rounding)));
      if (match === undefined) {
        // Dollars from a calculation without a price or a dollar figure ("400k × (200 in + 50 out) ≈ $24") are a step
        // left out, not a slip: the expression cannot make money, so nothing is checked.
        if (stated.money && !tail.some((t) => t.money || t.unit)) return;
        // Seconds that come to "125 engineer-hours" or "1 minute p95": a time in a unit not read, or a percentile of
        // the stages rather than their sum, is not compared.
        if (tail.some((t) => t.time) && !stated.time && !stated.money && !stated.bytes) return;
        if (stated.percentile) return;
        // "1,150 in + 60 out per review → 115M in": an arrow leads on to a consequence, which may scale the step.
        if (/→|->/.test(rel[0])) return;
        // "3.6 GB over 30 days × $0.023": a figure with a unit just before the expression may be its first factor,
        // written without a sign; read without it the step is not read, rather than wrong.
        if (read.after?.kind === "num" && (read.after.bytes || read.after.time)) return;
      }
      out.push({
        // The quote is cut at 160 characters: the right side's first clause is looked for in its first 161 only.
        text: quote,
        at,
        operands: tail.map((t) => t.value),
        computed: match === undefined ? computed : (values.find((c) => within(c, match, stated.rounding)) ?? computed),
        stated: match ?? stated.readings[0]!,
        correct: match !== undefined,
        ...(stated.unit ? { unit: stated.unit } : {}),
      });
    });
  }
  return out;
}

const PERIOD_WORD = /(?:\/\s?|\bper\s|\ba\s|\beach\s|\bevery\s)(day|week|month|mo|year|yr)\b|\b(daily|weekly|monthly|yearly)\b/gi;

/**
 * How many of the left side's periods make the result's: "50k convos/day × ~2 KB ≈ 3 GB/month" is 30. 1 when
 * either side names no period, or the same one.
 */
function periodRatio(left: string, right: string): number {
  const l = [...left.matchAll(PERIOD_WORD)].at(-1);
  const r =
    /^[^,;]{0,24}?(?:(?:\/\s?|\bper\s|\ba\s|\beach\s|\bevery\s)(day|week|month|mo|year|yr)\b|\b(daily|weekly|monthly|yearly)\b)/i.exec(
      right,
    );
  if (!l || !r) return 1;
  const from = PERIOD_DAYS[(l[1] ?? l[2])!.toLowerCase()]!;
  const to = PERIOD_DAYS[(r[1] ?? r[2])!.toLowerCase()]!;
  return to / from;
}

type StatedResult = {
  /** What the right side may mean, the first figure first. */
  readings: number[];
  rounding: number;
  money: boolean;
  /** The milliseconds of the first figure's time unit ("13.3 hours"). */
  time?: number;
  /** The scale of the first figure's KB, MB, GB or TB. */
  bytes?: number;
  /** How the first figure is written: "$", "GB", "hours". */
  unit?: { name: string; scale: number };
  /** The figure is a percentile or a worst case ("≈ 1 minute p95"), which a sum of typical times does not give. */
  percentile: boolean;
};

/**
 * A calculation's values in the unit its result is written in: "12 comments × 85% × 30 s is ~5 minutes" computes
 * seconds and states minutes. Operands in one time unit convert to the result's; operands in several (a sum of
 * "0.3 s + 500 ms") are not read, as the number computed means nothing. Without a time unit on the operands the
 * calculation is taken in the result's unit ("48,000 / 3,600 = 13.3 hours").
 * A calculation that converts by hand ("800 h × 60 = 48,000 min", "90,000 s / 3,600 = 25 hours") multiplies by the
 * factor between the units, or divides by it: its value is already in the result's unit, and is read so too
 * (session 21: a right estimate was reported as a slip of 2,880,000 minutes).
 */
function inResultUnit(value: number, tail: Token[], stated: StatedResult): number[] {
  const operands = tail.filter((t): t is NumToken => t.kind === "num");
  const units = new Set(operands.flatMap((t) => (t.time ? [t.time] : [])));
  if (units.size > 1) return [];
  const [unit] = units;
  if (!unit || !stated.time || unit === stated.time) return [value];
  const converted = (value * unit) / stated.time;
  return convertsByHand(tail, unit / stated.time) ? [converted, value] : [converted];
}

/** Whether a unitless operand is the factor between two time units, multiplied where the result's unit is smaller, divided where larger. */
function convertsByHand(tail: Token[], factor: number): boolean {
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(a, b);
  return tail.some((t, i) => {
    const op = tail[i - 1];
    if (t.kind !== "num" || t.time || t.unit || t.money || t.percent || op?.kind !== "op") return false;
    return (op.op === "*" && same(t.value, factor)) || (op.op === "/" && same(t.value, 1 / factor));
  });
}

/**
 * A figure restated in another unit of its kind: "48,000 s ≈ 13.3 hours", "61,440 MB, which is 61.44 GB". The left
 * clause ends with the one figure; both sides carry a unit, and the units differ (the same unit is a restatement,
 * or a new figure: "1,840 ms is 640 ms over").
 */
function unitConversion(left: string, tokens: Token[], stated: StatedResult, approximate: boolean): Omit<Equation, "text" | "at"> | null {
  const from = tokens[0];
  if (tokens.length !== 1 || !from || from.kind !== "num" || !/\d\s?(?:[a-z]+|%)?\s*$/i.test(left)) return null;
  const written = stated.readings[0]!;
  let computed: number | null = null;
  if (from.time && stated.time && from.time !== stated.time) computed = (from.value * from.time) / stated.time;
  // Bytes are read in bytes on both sides; a conversion is right when they are the same number of bytes.
  else if (from.bytes && stated.bytes && from.bytes !== stated.bytes) computed = from.value;
  if (computed === null || computed === 0 || written === 0) return null;
  const share = approximate ? APPROXIMATE_SHARE : EXACT_SHARE;
  const allowed = Math.max(share * Math.max(computed, written), Math.min(stated.rounding, ROUNDING_CAP * computed));
  return {
    operands: [from.value],
    computed,
    stated: written,
    correct: Math.abs(computed - written) <= allowed,
    conversion: true,
    ...(stated.unit ? { unit: stated.unit } : {}),
  };
}

/**
 * The result a relation states: its first number, with half a unit of that number's last significant digit (how
 * far a rounding of it may be), and the value of the expression up to the next relation when it is one ("=
 * $0.03 + $0.008 = $0.038" states 0.038 twice).
 */
function statedResult(right: string): StatedResult | null {
  const clause = right.split(/;|,\s|\s\((?!\s*\d)/)[0]!.slice(0, 80);
  const tokens = tokenize(clause);
  const nums = tokens.filter((t) => t.kind === "num");
  const readings: number[] = [];
  const m = NUMBER.exec(right.slice(0, 40));
  const first = m ? tokenize(m[0]).find((t): t is NumToken => t.kind === "num") : undefined;
  if (!m || !first) return null;
  const written = Number(m[1]!.replace(/,/g, ""));
  const unit = first.money
    ? { name: "$", scale: 1 }
    : first.bytes
      ? { name: m[2]!.toUpperCase(), scale: first.bytes }
      : m[3] && !first.percent
        ? { name: m[3], scale: 1 }
        : undefined;
  readings.push(first.value);
  if (first.percent) readings.push(first.value * 100);
  if (nums.length >= 2 && tokens.some((t) => t.kind === "op")) {
    const v = evaluate(tokens);
    if (v !== null) readings.push(v);
  }
  return {
    readings,
    rounding: written ? halfUnit(m[1]!) * (first.value / written) : 0,
    money: !!first.money,
    ...(first.time ? { time: first.time } : {}),
    ...(first.bytes ? { bytes: first.bytes } : {}),
    ...(unit ? { unit } : {}),
    percentile: PERCENTILE.test(right.slice(m.index + m[0].length, m.index + m[0].length + 24)),
  };
}

const PERCENTILE = /^\s*(?:at\s)?(?:p\d{2}|\d{2}(?:th)?\s?percentile|worst[\s-]case|at (?:the )?peak|tail)\b/i;

const NUMBER =
  /(?:\$\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(kb|mb|gb|tb|k|m|million|b|bn|billion|thousand))?(?![a-z])(?:\s?(%|percent\b|ms\b|milliseconds?\b|s\b|secs?\b|seconds?\b|mins?\b|minutes?\b|hrs?\b|hours?\b|h\b))?/i;

/** Half a unit of a written number's last significant digit: "1,850" 5, "2,000" 500, "0.067" 0.0005, "13" 0.5. */
export function halfUnit(written: string): number {
  const digits = written.replace(/,/g, "");
  const dot = digits.indexOf(".");
  if (dot >= 0) return 0.5 * 10 ** -(digits.length - dot - 1);
  const zeros = /0*$/.exec(digits)![0].length;
  return zeros === digits.length ? 0.5 : 0.5 * 10 ** zeros;
}

/** Words that open the clause an equation's left side is read from ("..., so 2 x 3 = 6"). */
const CLAUSE_WORD = /\bso\b|\bthat'?s\b|\bwhich is\b/g;
/** Punctuation that opens it: a comma, colon, semicolon or bracket and a space, not inside brackets still open. */
const CLAUSE_MARK = /[,:;(]\s/g;

/**
 * The left side's last clause: what follows the last clause word, or the last mark after its last ")" (a mark
 * before it sits inside a bracket the expression closes: "(a, b)"). A regex that looked ahead from every mark
 * for a later ")" read a long left side once per comma.
 */
function lastClause(left: string, again = true): string {
  let from = 0;
  let mark = -1;
  for (const m of left.matchAll(CLAUSE_WORD)) from = Math.max(from, m.index + m[0].length);
  CLAUSE_MARK.lastIndex = left.lastIndexOf(")") + 1;
  for (let m = CLAUSE_MARK.exec(left); m; m = CLAUSE_MARK.exec(left))
    if (m.index + m[0].length > from) {
      from = m.index + m[0].length;
      mark = m.index;
    }
  const clause = left.slice(from);
  // "12,000 times 9,000, which is 108M": a clause of a connective only ("which", "and that") refers to the one before.
  if (again && mark >= 0 && /^\s*(?:which|that|this|and|so|and that|and this)?\s*$/i.test(clause))
    return lastClause(left.slice(0, mark), false);
  return clause;
}
