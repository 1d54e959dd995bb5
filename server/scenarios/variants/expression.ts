/**
 * A small, safe expression language for variant values: arithmetic, comparisons,
 * a ternary, member access and a fixed list of pure functions. It is parsed and
 * evaluated here, never handed to eval/Function, and it cannot reach any object's
 * prototype (member access reads own properties of JSON values only).
 *
 *   rps * 86400 * 30 / 1e6        round(price * tokens / 1e6, 2)
 *   dataset.expected[0]           n > 10 ? "large" : "small"
 */

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

export type Expr =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "name"; name: string }
  | { t: "list"; items: Expr[] }
  | { t: "member"; object: Expr; key: Expr }
  | { t: "call"; fn: string; args: Expr[] }
  | { t: "unary"; op: "-" | "!"; arg: Expr }
  | { t: "binary"; op: string; left: Expr; right: Expr }
  | { t: "cond"; test: Expr; then: Expr; else: Expr };

export class ExpressionError extends Error {
  override name = "ExpressionError";
}

const MAX_LENGTH = 500;
const MAX_DEPTH = 40;

const num = (v: Value, what: string): number => {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new ExpressionError(`${what} needs a number, got ${JSON.stringify(v)}`);
  return v;
};
const list = (v: Value, what: string): Value[] => {
  if (!Array.isArray(v)) throw new ExpressionError(`${what} needs a list, got ${JSON.stringify(v)}`);
  return v;
};

/** The only functions an expression may call; all pure. */
const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  min: (a) => Math.min(...(a.length === 1 ? list(a[0]!, "min") : a).map((x) => num(x, "min"))),
  max: (a) => Math.max(...(a.length === 1 ? list(a[0]!, "max") : a).map((x) => num(x, "max"))),
  /** round(x) to an integer, round(x, d) to d decimals. */
  round: (a) => {
    const d = a[1] === undefined ? 0 : num(a[1], "round");
    const f = 10 ** d;
    return Math.round(num(a[0]!, "round") * f) / f;
  },
  floor: (a) => Math.floor(num(a[0]!, "floor")),
  ceil: (a) => Math.ceil(num(a[0]!, "ceil")),
  abs: (a) => Math.abs(num(a[0]!, "abs")),
  sqrt: (a) => Math.sqrt(num(a[0]!, "sqrt")),
  log: (a) => Math.log(num(a[0]!, "log")),
  log2: (a) => Math.log2(num(a[0]!, "log2")),
  log10: (a) => Math.log10(num(a[0]!, "log10")),
  pow: (a) => num(a[0]!, "pow") ** num(a[1]!, "pow"),
  len: (a) => {
    const v = a[0]!;
    if (typeof v === "string" || Array.isArray(v)) return v.length;
    throw new ExpressionError(`len needs a list or text, got ${JSON.stringify(v)}`);
  },
  sum: (a) => list(a[0]!, "sum").reduce<number>((s, x) => s + num(x, "sum"), 0),
  /** repeat(value, n): a list of n copies (n at most 1000), e.g. the calls a looping agent makes. */
  repeat: (a) => {
    const n = num(a[1]!, "repeat");
    if (!Number.isInteger(n) || n < 0 || n > 1000) throw new ExpressionError(`repeat needs a count from 0 to 1000, got ${n}`);
    return Array.from({ length: n }, () => a[0]!);
  },
};
export const FUNCTION_NAMES = Object.keys(FUNCTIONS);

type Token = { kind: "num" | "str" | "name" | "op"; text: string; value?: number | string; at: number };

function tokenize(src: string): Token[] {
  if (src.length > MAX_LENGTH) throw new ExpressionError(`an expression may be at most ${MAX_LENGTH} characters`);
  const tokens: Token[] = [];
  const re =
    /\s*(?:(\d+(?:\.\d+)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|"([^"\\]*)"|'([^'\\]*)'|(\*\*|==|!=|<=|>=|&&|\|\||[-+*/%()[\].,?:<>!]))/y;
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) throw new ExpressionError(`unexpected "${src.slice(i).trim()[0]}" at column ${i + 1}`);
    const at =
      m.index + m[0].length - (m[1] ?? m[2] ?? (m[3] !== undefined ? `"${m[3]}"` : m[4] !== undefined ? `'${m[4]}'` : m[5]!)).length;
    if (m[1] !== undefined) tokens.push({ kind: "num", text: m[1], value: Number(m[1]), at });
    else if (m[2] !== undefined) tokens.push({ kind: "name", text: m[2], at });
    else if (m[3] !== undefined || m[4] !== undefined) tokens.push({ kind: "str", text: m[3] ?? m[4]!, value: m[3] ?? m[4]!, at });
    else tokens.push({ kind: "op", text: m[5]!, at });
    i = re.lastIndex;
  }
  return tokens;
}

/** Parse an expression; throws ExpressionError naming what is wrong and where. */
export function parseExpression(src: string): Expr {
  const tokens = tokenize(src);
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos];
  const isOp = (text: string) => peek()?.kind === "op" && peek()!.text === text;
  const expect = (text: string) => {
    if (!isOp(text)) throw new ExpressionError(`expected "${text}" ${peek() ? `at column ${peek()!.at + 1}` : "at the end"}`);
    pos++;
  };
  const nest = <T>(f: () => T): T => {
    if (++depth > MAX_DEPTH) throw new ExpressionError("expression nested too deeply");
    try {
      return f();
    } finally {
      depth--;
    }
  };

  const binaryLevel = (ops: string[], next: () => Expr) => (): Expr => {
    let left = next();
    while (peek()?.kind === "op" && ops.includes(peek()!.text)) {
      const op = tokens[pos++]!.text;
      left = { t: "binary", op, left, right: next() };
    }
    return left;
  };

  const expression = (): Expr =>
    nest(() => {
      const test = or();
      if (!isOp("?")) return test;
      pos++;
      const then = expression();
      expect(":");
      return { t: "cond", test, then, else: expression() };
    });
  const unary = (): Expr =>
    nest(() => {
      if (isOp("-") || isOp("!")) {
        const op = tokens[pos++]!.text as "-" | "!";
        return { t: "unary", op, arg: unary() };
      }
      if (isOp("+")) {
        pos++;
        return unary();
      }
      return power();
    });
  const power = (): Expr => {
    const base = postfix();
    if (!isOp("**")) return base;
    pos++;
    return { t: "binary", op: "**", left: base, right: unary() };
  };
  const multiplicative = binaryLevel(["*", "/", "%"], unary);
  const additive = binaryLevel(["+", "-"], multiplicative);
  const comparison = binaryLevel(["<", "<=", ">", ">=", "==", "!="], additive);
  const and = binaryLevel(["&&"], comparison);
  const or = binaryLevel(["||"], and);

  const postfix = (): Expr => {
    let e = primary();
    for (;;) {
      if (isOp(".")) {
        pos++;
        const t = peek();
        if (t?.kind === "name") e = { t: "member", object: e, key: { t: "str", v: t.text } };
        else if (t?.kind === "num" && Number.isInteger(t.value)) e = { t: "member", object: e, key: { t: "num", v: t.value as number } };
        else throw new ExpressionError(`expected a field name after "." ${t ? `at column ${t.at + 1}` : "at the end"}`);
        pos++;
      } else if (isOp("[")) {
        pos++;
        const key = expression();
        expect("]");
        e = { t: "member", object: e, key };
      } else return e;
    }
  };
  const primary = (): Expr => {
    const t = peek();
    if (!t) throw new ExpressionError("the expression ends too early");
    pos++;
    if (t.kind === "num") return { t: "num", v: t.value as number };
    if (t.kind === "str") return { t: "str", v: t.value as string };
    if (t.kind === "name") {
      if (t.text === "true" || t.text === "false") return { t: "num", v: t.text === "true" ? 1 : 0 };
      if (!isOp("(")) return { t: "name", name: t.text };
      if (!FUNCTIONS[t.text]) throw new ExpressionError(`unknown function "${t.text}"; known: ${FUNCTION_NAMES.join(", ")}`);
      pos++;
      const args: Expr[] = [];
      if (!isOp(")")) {
        do args.push(expression());
        while (isOp(",") && ++pos);
      }
      expect(")");
      return { t: "call", fn: t.text, args };
    }
    if (t.text === "(") {
      const inner = expression();
      expect(")");
      return inner;
    }
    if (t.text === "[") {
      const items: Expr[] = [];
      if (!isOp("]")) {
        do items.push(expression());
        while (isOp(",") && ++pos);
      }
      expect("]");
      return { t: "list", items };
    }
    throw new ExpressionError(`unexpected "${t.text}" at column ${t.at + 1}`);
  };

  const result = expression();
  if (pos < tokens.length) throw new ExpressionError(`unexpected "${tokens[pos]!.text}" at column ${tokens[pos]!.at + 1}`);
  return result;
}

/** Variable names an expression reads (function names excluded). */
export function freeNames(e: Expr, into = new Set<string>()): Set<string> {
  switch (e.t) {
    case "name":
      into.add(e.name);
      break;
    case "list":
      e.items.forEach((x) => freeNames(x, into));
      break;
    case "member":
      freeNames(e.object, into);
      freeNames(e.key, into);
      break;
    case "call":
      e.args.forEach((x) => freeNames(x, into));
      break;
    case "unary":
      freeNames(e.arg, into);
      break;
    case "binary":
      freeNames(e.left, into);
      freeNames(e.right, into);
      break;
    case "cond":
      freeNames(e.test, into);
      freeNames(e.then, into);
      freeNames(e.else, into);
      break;
    default:
      break;
  }
  return into;
}

const truthy = (v: Value) => v !== null && v !== false && v !== 0 && v !== "";

function binary(op: string, a: Value, b: Value): Value {
  switch (op) {
    case "==":
      return JSON.stringify(a) === JSON.stringify(b);
    case "!=":
      return JSON.stringify(a) !== JSON.stringify(b);
    case "+":
      if (typeof a === "string" || typeof b === "string")
        return `${typeof a === "string" ? a : JSON.stringify(a)}${typeof b === "string" ? b : JSON.stringify(b)}`;
      return num(a, "+") + num(b, "+");
    case "-":
      return num(a, "-") - num(b, "-");
    case "*":
      return num(a, "*") * num(b, "*");
    case "/": {
      const d = num(b, "/");
      if (d === 0) throw new ExpressionError("division by zero");
      return num(a, "/") / d;
    }
    case "%": {
      const d = num(b, "%");
      if (d === 0) throw new ExpressionError("division by zero");
      return num(a, "%") % d;
    }
    case "**":
      return num(a, "**") ** num(b, "**");
    case "<":
      return num(a, "<") < num(b, "<");
    case "<=":
      return num(a, "<=") <= num(b, "<=");
    case ">":
      return num(a, ">") > num(b, ">");
    case ">=":
      return num(a, ">=") >= num(b, ">=");
    default:
      throw new ExpressionError(`unknown operator "${op}"`);
  }
}

/** Evaluate against named values. Unknown names and type mismatches throw ExpressionError. */
export function evaluate(e: Expr, scope: Readonly<Record<string, Value>>): Value {
  switch (e.t) {
    case "num":
    case "str":
      return e.v;
    case "name":
      if (!Object.hasOwn(scope, e.name)) throw new ExpressionError(`unknown variable "${e.name}"`);
      return scope[e.name]!;
    case "list":
      return e.items.map((x) => evaluate(x, scope));
    case "member": {
      const object = evaluate(e.object, scope);
      const key = evaluate(e.key, scope);
      if (Array.isArray(object)) {
        const i = num(key, "an index");
        const at = i < 0 ? object.length + i : i;
        if (!Number.isInteger(at) || at < 0 || at >= object.length)
          throw new ExpressionError(`index ${i} is outside a list of ${object.length}`);
        return object[at]!;
      }
      if (object && typeof object === "object" && typeof key === "string" && Object.hasOwn(object, key)) return object[key]!;
      throw new ExpressionError(`no field ${JSON.stringify(key)} in ${JSON.stringify(object)?.slice(0, 60)}`);
    }
    case "call":
      return FUNCTIONS[e.fn]!(e.args.map((x) => evaluate(x, scope)));
    case "unary": {
      const v = evaluate(e.arg, scope);
      return e.op === "-" ? -num(v, "-") : !truthy(v);
    }
    case "binary":
      if (e.op === "&&") return truthy(evaluate(e.left, scope)) ? evaluate(e.right, scope) : evaluate(e.left, scope);
      if (e.op === "||") return truthy(evaluate(e.left, scope)) ? evaluate(e.left, scope) : evaluate(e.right, scope);
      return binary(e.op, evaluate(e.left, scope), evaluate(e.right, scope));
    case "cond":
      return truthy(evaluate(e.test, scope)) ? evaluate(e.then, scope) : evaluate(e.else, scope);
  }
}

/** Numbers as a person writes them: no float noise (0.1 + 0.2 → 0.3), integers without ".0". */
export function formatValue(v: Value): string {
  if (typeof v === "number") return String(Number.isInteger(v) ? v : Number(v.toPrecision(12)));
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}
