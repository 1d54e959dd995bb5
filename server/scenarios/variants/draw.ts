import { createHash } from "node:crypto";
import type { Variable } from "../schema.js";
import { evaluate, parseExpression, type Value } from "./expression.js";

/** The values one sitting of a question uses, by variable name, in declaration order. */
export type VariantValues = Record<string, Value>;
type Variables = Record<string, Variable>;

/**
 * A deterministic stream in [0, 1) from a text seed (mulberry32 over the seed's
 * SHA-256): the same session and question always draw the same values, across
 * restarts and processes, with nothing extra stored.
 */
export function seededRandom(seed: string): () => number {
  let state = createHash("sha256").update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const decimals = (x: number) => (String(x).split(".")[1] ?? "").length;

/** Every value a drawn variable can take (ranges walked in steps), or null for a derived one. */
export function domainOf(v: Variable): Value[] | null {
  if (v.choice) return v.choice as Value[];
  const range = v.int ?? v.float;
  if (!range) return null;
  const step = v.step ?? 1;
  const places = Math.max(decimals(step), decimals(range[0]));
  const count = Math.floor((range[1] - range[0]) / step + 1e-9) + 1;
  return Array.from({ length: Math.min(count, 100_000) }, (_, i) => Number((range[0] + i * step).toFixed(places)));
}

/** Fill in the derived (expr) variables after the drawn ones, in declaration order. */
function derive(variables: Variables, drawn: (name: string, domain: Value[], v: Variable) => Value): VariantValues {
  const values: VariantValues = {};
  for (const [name, v] of Object.entries(variables)) {
    const domain = domainOf(v);
    values[name] = domain ? drawn(name, domain, v) : evaluate(parseExpression(v.expr!), values);
  }
  return values;
}

/** The values a seed draws. Each drawn variable takes the next number of the seed's stream. */
export function drawValues(variables: Variables, seed: string): VariantValues {
  const random = seededRandom(seed);
  return derive(variables, (_name, domain) => domain[Math.floor(random() * domain.length)]!);
}

/** The default variant: each variable's `default`, else the low end of its range or its first choice. */
export function defaultValues(variables: Variables): VariantValues {
  return derive(variables, (_name, domain, v) => (v.default !== undefined ? (v.default as Value) : domain[0]!));
}

/** How many distinct variants the drawn variables allow. */
export function variantCount(variables: Variables): number {
  return Object.values(variables).reduce((n, v) => n * (domainOf(v)?.length ?? 1), 1);
}

/**
 * The variants `validate` checks: all of them when there are at most `limit`,
 * else the default, the all-lowest and all-highest corners and a fixed sample
 * of seeds (the same every run, so a failure reproduces).
 */
export function variantsToCheck(
  variables: Variables,
  limit: number,
  onError: (drawn: VariantValues, err: unknown) => void = (_d, err) => {
    throw err;
  },
): VariantValues[] {
  const total = variantCount(variables);
  const safely = (make: () => VariantValues, drawn: VariantValues): VariantValues | null => {
    try {
      return make();
    } catch (err) {
      onError(drawn, err);
      return null;
    }
  };
  const pick = (indexOf: (d: Value[], i: number) => number) => {
    let i = 0;
    const drawn: VariantValues = {};
    return safely(() => derive(variables, (n, domain) => (drawn[n] = domain[indexOf(domain, i++)]!)), drawn);
  };
  const seeded = (seed: string) => {
    const drawn: VariantValues = {};
    const random = seededRandom(seed);
    return safely(() => derive(variables, (n, domain) => (drawn[n] = domain[Math.floor(random() * domain.length)]!)), drawn);
  };
  if (total <= limit) {
    return Array.from({ length: total }, (_, k): VariantValues | null => {
      let rest = k;
      return pick((domain) => {
        const index = rest % domain.length;
        rest = Math.floor(rest / domain.length);
        return index;
      });
    }).filter((v): v is VariantValues => v !== null);
  }
  const out = [pick(() => 0), pick((d) => d.length - 1)];
  for (let s = 0; s < limit - 2; s++) out.push(seeded(`validate:${s}`));
  const seen = new Set<string>();
  return out
    .filter((v): v is VariantValues => v !== null)
    .filter((v) => {
      const key = JSON.stringify(v);
      return seen.has(key) ? false : (seen.add(key), true);
    });
}
