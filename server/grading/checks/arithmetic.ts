/** One calculation written in an answer: "2,000 × $2.50/1M + 400 × $10/1M = $0.009". */
export type Equation = { text: string; at: number; operands: number[]; computed: number; stated: number; correct: boolean };

const RELATION = /\s(?:=|≈|~=|~|→|->|equals|is about|comes to)\s/g;
const TOLERANCE = 0.12;
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

type Token = { kind: "num"; value: number } | { kind: "op"; op: "+" | "-" | "*" | "/" } | { kind: "paren"; open: boolean };

/**
 * Numbers, operators and parentheses of an expression; words between them (units) are skipped.
 * A number takes the space after it only together with a unit suffix ("2 k"), so a spaced
 * minus ("100 - 20") still has the leading space it is recognised by.
 */
function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  const re =
    /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(kb|mb|gb|tb|k|m|million|b|bn|billion|thousand))?(?![a-z])|\/\s?1\s?m\b|per (?:1m|million)\b|[×*·÷/+()]|\s[x−-]\s/gi;
  for (const m of expr.matchAll(re)) {
    const s = m[0];
    if (m[1]) {
      const suffix = m[2]?.toLowerCase();
      tokens.push({ kind: "num", value: Number(m[1].replace(/,/g, "")) * (suffix ? (SCALE[suffix] ?? 1) : 1) });
    } else if (/\/\s?1\s?m|per (?:1m|million)/i.test(s)) {
      tokens.push({ kind: "op", op: "/" }, { kind: "num", value: 1e6 });
    } else if (s === "(" || s === ")") tokens.push({ kind: "paren", open: s === "(" });
    else {
      const c = s.trim();
      tokens.push({ kind: "op", op: c === "+" ? "+" : c === "−" || c === "-" ? "-" : c === "÷" || c === "/" ? "/" : "*" });
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
    for (const rel of relations) {
      const left = lastClause(sentence.slice(leftStart, rel.index));
      const right = sentence.slice(rel.index! + rel[0].length);
      leftStart = rel.index! + rel[0].length;
      const stated = tokenize(right.slice(0, 40)).find((t) => t.kind === "num") as { value: number } | undefined;
      const tokens = tokenize(left);
      const operands = tokens.filter((t): t is { kind: "num"; value: number } => t.kind === "num").map((t) => t.value);
      if (!stated || operands.length < 2 || !tokens.some((t) => t.kind === "op")) continue;
      const computed = evaluate(tokens);
      if (computed === null || computed === 0) continue;
      const correct = Math.abs(computed - stated.value) <= TOLERANCE * Math.max(Math.abs(computed), Math.abs(stated.value));
      out.push({
        // The quote is cut at 160 characters: the right side's first clause is looked for in its first 161 only.
        text: `${left.trim()}${rel[0]}${right.trim().slice(0, 161).split(/;|,\s/)[0]}`.slice(0, 160),
        at: offset + (rel.index ?? 0),
        operands,
        computed,
        stated: stated.value,
        correct,
      });
    }
  }
  return out;
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
function lastClause(left: string): string {
  let from = 0;
  for (const m of left.matchAll(CLAUSE_WORD)) from = Math.max(from, m.index + m[0].length);
  CLAUSE_MARK.lastIndex = left.lastIndexOf(")") + 1;
  for (let m = CLAUSE_MARK.exec(left); m; m = CLAUSE_MARK.exec(left)) from = Math.max(from, m.index + m[0].length);
  return left.slice(from);
}
