/** One calculation written in an answer: "2,000 × $2.50/1M + 400 × $10/1M = $0.009". */
export type Equation = { text: string; at: number; operands: number[]; computed: number; stated: number; correct: boolean };

/**
 * What joins a calculation to its result: a sign, or words ("is", "that's", "comes to"). A word relation needs a
 * calculation on its left like any other: "the latency is 300 ms" has none and is no equation.
 */
const RELATION =
  /\s(?:=|≈|~=|~|→|->|equals|is about|is roughly|is around|comes to|works out to|adds up to|is|that's|that is|gives|makes|totals)\s/g;
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

/** A number token; `unit` marks the 1M of "per 1M", which a price carries and the candidate did not compute with. */
type Token = { kind: "num"; value: number; unit?: true } | { kind: "op"; op: "+" | "-" | "*" | "/" } | { kind: "paren"; open: boolean };

/**
 * Numbers, operators and parentheses of an expression; words between them (units) are skipped.
 * A number takes the space after it only together with a unit suffix ("2 k"), so a spaced
 * minus ("100 - 20") still has the leading space it is recognised by.
 */
function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  const re =
    /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(kb|mb|gb|tb|k|m|million|b|bn|billion|thousand))?(?![a-z])|\/\s?1\s?m\b|per (?:1m|million)\b|[×*·÷/+()]|\s[x−-]\s|\b(?:times|multiplied by|plus|minus|divided by)\b/gi;
  for (const m of expr.matchAll(re)) {
    const s = m[0];
    if (m[1]) {
      const suffix = m[2]?.toLowerCase();
      tokens.push({ kind: "num", value: Number(m[1].replace(/,/g, "")) * (suffix ? (SCALE[suffix] ?? 1) : 1) });
    } else if (/\/\s?1\s?m|per (?:1m|million)/i.test(s)) {
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
function evaluateTail(tokens: Token[]): { value: number; tail: Token[] } | null {
  for (let k = 0; k < tokens.length - 2; k++) {
    if (k > 0 && tokens[k - 1]!.kind !== "num") return null;
    const tail = tokens.slice(k);
    if (tail.filter((t) => t.kind === "num" && !t.unit).length < 2 || !tail.some((t) => t.kind === "op")) return null;
    const value = evaluate(tail);
    if (value !== null) return { value, tail };
  }
  return null;
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
      const tokens = tokenize(left);
      const operands = tokens.filter((t): t is Extract<Token, { kind: "num" }> => t.kind === "num");
      // "at $0.50 per 1M, that's $54" is a price, not a calculation: the 1M of a price is no operand of its own.
      if (operands.filter((t) => !t.unit).length < 2 || !tokens.some((t) => t.kind === "op")) return;
      const stated = statedResult(sentence.slice(rel.index! + rel[0].length, Math.min(rightEnd, rel.index! + rel[0].length + 200)));
      if (!stated) return;
      const read = evaluateTail(tokens);
      if (read === null || read.value === 0) return;
      const computed = read.value;
      const share =
        APPROXIMATE.test(rel[0]) || /^\s*(?:[≈~]|about|roughly|around|approximately|~)/i.test(right) ? APPROXIMATE_SHARE : EXACT_SHARE;
      const allowed = Math.max(
        share * Math.max(Math.abs(computed), Math.abs(stated.value)),
        Math.min(stated.rounding, ROUNDING_CAP * Math.abs(computed)),
      );
      out.push({
        // The quote is cut at 160 characters: the right side's first clause is looked for in its first 161 only.
        text: `${left.trim()}${rel[0]}${right.trim().slice(0, 161).split(/;|,\s/)[0]}`.slice(0, 160),
        at: offset + (rel.index ?? 0),
        operands: read.tail.filter((t): t is Extract<Token, { kind: "num" }> => t.kind === "num").map((t) => t.value),
        computed,
        stated: stated.value,
        correct: Math.abs(computed - stated.value) <= allowed,
      });
    });
  }
  return out;
}

/**
 * The result a relation states: the value of the expression up to the next relation when it is one ("= $0.03 +
 * $0.008 = $0.038" states 0.038 twice), else its first number, with half a unit of that number's last
 * significant digit (how far a rounding of it may be).
 */
function statedResult(right: string): { value: number; rounding: number } | null {
  const clause = right.split(/;|,\s|\s\((?!\s*\d)/)[0]!.slice(0, 80);
  const tokens = tokenize(clause);
  const nums = tokens.filter((t) => t.kind === "num");
  if (nums.length >= 2 && tokens.some((t) => t.kind === "op")) {
    const v = evaluate(tokens);
    if (v !== null) return { value: v, rounding: 0 };
  }
  const m = NUMBER.exec(right.slice(0, 40));
  if (!m) return null;
  const first = tokenize(m[0]).find((t) => t.kind === "num");
  if (!first || first.kind !== "num") return null;
  const written = Number(m[1]!.replace(/,/g, ""));
  return { value: first.value, rounding: written ? halfUnit(m[1]!) * (first.value / written) : 0 };
}

const NUMBER = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?:kb|mb|gb|tb|k|m|million|b|bn|billion|thousand))?(?![a-z])/i;

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
