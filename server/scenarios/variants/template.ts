import { evaluate, formatValue, freeNames, parseExpression, type Expr, type Value } from "./expression.js";

/** `{{ expression }}`: the only placeholder syntax (the same braces prompt labs use for their slots). */
const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;
const WHOLE = /^\{\{\s*([^{}]+?)\s*\}\}$/;

const cache = new Map<string, Expr | null>();
function parsed(src: string): Expr | null {
  let e = cache.get(src);
  if (e === undefined) {
    try {
      e = parseExpression(src);
    } catch {
      e = null;
    }
    if (cache.size > 5000) cache.clear();
    cache.set(src, e);
  }
  return e;
}

/**
 * A placeholder is ours when it parses and reads only declared variables; any
 * other `{{…}}` (a prompt-lab slot such as `{{document}}` quoted in a prompt) is
 * left as written.
 */
function ours(src: string, declared: ReadonlySet<string>): Expr | null {
  const e = parsed(src);
  if (!e) return null;
  const names = freeNames(e);
  return names.size > 0 && [...names].every((n) => declared.has(n)) ? e : null;
}

/** What a placeholder reading a secret variable shows where the candidate reads the text. */
const HIDDEN_VALUE = "(hidden)";
const NONE: ReadonlySet<string> = new Set();

/**
 * Fill the placeholders of a text. Text the candidate reads (title, prompt, starter code, follow-up probes, test
 * names, which the report lists for hidden tests too) passes the secret variables as `hidden`: a placeholder that
 * reads one (a hidden test's input or expected value) shows HIDDEN_VALUE, so "adds {{case.a}} and {{case.b}}" never
 * hands out a hidden case. `len(case.input)` is hidden too: what an expression reveals of a secret is not worked out.
 */
export function fillText(
  text: string,
  values: Readonly<Record<string, Value>>,
  declared: ReadonlySet<string>,
  hidden: ReadonlySet<string> = NONE,
): string {
  if (!text.includes("{{")) return text;
  return text.replace(PLACEHOLDER, (whole, src: string) => {
    const e = ours(src, declared);
    if (!e) return whole;
    return hidden.size && [...freeNames(e)].some((n) => hidden.has(n)) ? HIDDEN_VALUE : formatValue(evaluate(e, values));
  });
}

/** Fill JSON: a string that is one whole placeholder becomes the value itself (number, list, object). */
export function fillJson(value: unknown, values: Readonly<Record<string, Value>>, declared: ReadonlySet<string>): unknown {
  if (typeof value === "string") {
    const whole = WHOLE.exec(value);
    const e = whole ? ours(whole[1]!, declared) : null;
    return e ? evaluate(e, values) : fillText(value, values, declared);
  }
  if (Array.isArray(value)) return value.map((v) => fillJson(v, values, declared));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillJson(v, values, declared)]));
  }
  return value;
}

/** Placeholders in a text that name something undeclared (for cross-checks), excluding allowed slots. */
export function unknownPlaceholders(text: string, declared: ReadonlySet<string>, allowed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const e = parsed(m[1]!);
    if (!e) continue;
    // A prompt-lab slot quoted in the text is allowed; anything else is most likely a typo.
    if ([...freeNames(e)].some((n) => !declared.has(n) && !allowed.has(n))) out.push(m[0]);
  }
  return out;
}

/** The declared variables a text's placeholders read (the ones `fillText` would fill from). */
export function placeholderNames(text: string, declared: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  if (!text.includes("{{")) return names;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const e = ours(m[1]!, declared);
    if (e) for (const n of freeNames(e)) names.add(n);
  }
  return names;
}
