import type { Criterion, Exemplar, Pack, Question } from "../schema.js";
import { defaultValues, drawValues, type VariantValues } from "./draw.js";
import { evaluate, freeNames, parseExpression, type Value } from "./expression.js";
import { fillJson, fillText, placeholderNames } from "./template.js";

/** The values each instantiated question was made with (kept off the question itself, so no view can leak them by accident). */
const valuesOf = new WeakMap<Question, VariantValues>();
/** Per instantiated question: which exemplars were written with a secret variable (a hidden test's input) in them. */
const secretExemplarsOf = new WeakMap<Question, ReadonlySet<number>>();

/** The question with these values filled in everywhere a placeholder may stand. */
export function withValues(q: Question, values: VariantValues): Question {
  if (!q.variables) return q;
  const declared = new Set(Object.keys(q.variables));
  const text = (s: string) => fillText(s, values, declared);
  const secret = secretVariables(q);
  // Text the candidate reads never shows a secret value (fillText's `hidden`). That includes the rubric's words the
  // report and live feedback quote: a criterion's title, a key point's label ("Covered 2 of 3 key points (...)"),
  // the level descriptions ("Level 3: ...") and what a strong answer adds. Only evidence terms, which no view
  // shows, and the exemplars (shown only when they read no secret: exemplarsWithoutSecrets) get the real values.
  const shown = (s: string) => fillText(s, values, declared, secret);
  const criterion = (c: Criterion): Criterion => ({
    ...c,
    title: shown(c.title),
    description: shown(c.description),
    anchors: {
      "0": shown(c.anchors["0"]),
      "1": shown(c.anchors["1"]),
      "2": shown(c.anchors["2"]),
      "3": shown(c.anchors["3"]),
      "4": shown(c.anchors["4"]),
    },
    evidence: {
      ...c.evidence,
      // Plain phrasings, like terms, are read by the grader only and get the real values.
      concepts: c.evidence.concepts.map((k) => ({
        label: shown(k.label),
        terms: k.terms.map(text),
        ...(k.plain ? { plain: k.plain.map(text) } : {}),
      })),
    },
    probes: c.probes.map(shown),
    ...(c.strongAnswerAdds !== undefined ? { strongAnswerAdds: shown(c.strongAnswerAdds) } : {}),
  });
  const out: Question = {
    ...q,
    title: shown(q.title),
    prompt: shown(q.prompt),
    ...(q.starterCode ? { starterCode: Object.fromEntries(Object.entries(q.starterCode).map(([l, code]) => [l, shown(code!)])) } : {}),
    rubric: q.rubric.map(criterion),
    exemplars: q.exemplars.map((e) => ({ ...e, answer: text(e.answer) })),
    figures: q.figures.map((f) => ({
      ...f,
      label: shown(f.label),
      value: f.from === undefined ? f.value : toNumber(evaluate(parseExpression(f.from), values), `figure "${f.id}"`),
    })),
    ...(q.coding
      ? {
          coding: {
            ...q.coding,
            tests: q.coding.tests.map((t) => ({
              ...t,
              name: shown(t.name),
              args: fillJson(t.args, values, declared) as typeof t.args,
              expected: fillJson(t.expected, values, declared) as typeof t.expected,
            })),
          },
        }
      : {}),
    ...(q.promptLab
      ? {
          promptLab: {
            brokenPrompt: text(q.promptLab.brokenPrompt),
            cases: q.promptLab.cases.map((c) => ({ ...c, vars: Object.fromEntries(Object.entries(c.vars).map(([k, v]) => [k, text(v)])) })),
          },
        }
      : {}),
  };
  valuesOf.set(out, values);
  secretExemplarsOf.set(out, exemplarsWithSecrets(q));
  return out;
}

/**
 * The variables whose values are never shown: those marked `secret`, and every `expr` derived from one
 * ("shifted: case.input[0] + a" gives away a hidden input as surely as `case` does). Declared in order, so one pass.
 */
export function secretVariables(q: Question): ReadonlySet<string> {
  const secret = new Set<string>();
  for (const [name, v] of Object.entries(q.variables ?? {})) {
    if (v.secret || (v.expr !== undefined && [...readsOf(v.expr)].some((n) => secret.has(n)))) secret.add(name);
  }
  return secret;
}
function readsOf(expr: string): Set<string> {
  try {
    return freeNames(parseExpression(expr));
  } catch {
    return new Set(); // an expression that does not parse is a validation error elsewhere
  }
}

/** Indices of the exemplars whose text reads a secret variable (checked on the template, before filling). */
function exemplarsWithSecrets(q: Question): ReadonlySet<number> {
  const declared = new Set(Object.keys(q.variables ?? {}));
  const secret = secretVariables(q);
  return new Set(q.exemplars.flatMap((e, i) => ([...placeholderNames(e.answer, declared)].some((n) => secret.has(n)) ? [i] : [])));
}

/**
 * The exemplars a candidate may be shown after a session: all of them, except any whose
 * text was filled from a secret variable (that would hand out a hidden test's input).
 */
export function exemplarsWithoutSecrets(q: Question): Exemplar[] {
  if (!q.variables) return q.exemplars;
  const hidden = secretExemplarsOf.get(q) ?? exemplarsWithSecrets(q);
  return q.exemplars.filter((_, i) => !hidden.has(i));
}

function toNumber(v: Value, what: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`${what} must come out as a number; got ${JSON.stringify(v)}`);
  return Number(v.toPrecision(12));
}

/** The variant a seed draws for this question; `null` gives the default variant. */
export function instantiateQuestion(q: Question, seed: string | null): Question {
  if (!q.variables || valuesOf.has(q)) return q;
  return withValues(q, seed === null ? defaultValues(q.variables) : drawValues(q.variables, `${seed}\u0000${q.id}`));
}

/** Every value the question was instantiated with, secret ones included (server side only). */
export function variantValues(q: Question): VariantValues | undefined {
  return valuesOf.get(q);
}

/** What the candidate saw: the instantiated values minus secret variables (hidden test inputs). */
export function shownValues(q: Question): Record<string, Value> | undefined {
  const values = valuesOf.get(q);
  if (!values || !q.variables) return undefined;
  const secret = secretVariables(q);
  const shown = Object.entries(values).filter(([name]) => !secret.has(name));
  return shown.length ? Object.fromEntries(shown) : undefined;
}

/**
 * Instantiated questions by base question and seed. A session touches three or
 * four questions; instantiating the whole pack for it cost ~4 ms, and with more
 * live sessions than a per-pack cache held, every graph step paid it again.
 * Bounded per question (oldest seed out first); a miss only costs time, since
 * instantiation is a pure function of (question, seed).
 */
const perQuestion = new WeakMap<Question, Map<string, Question>>();
const SEEDS_CACHED_PER_QUESTION = 4096;

/** One question as a session sees it (its variables filled from the session's seed); cached. */
export function sessionQuestion(q: Question, seed: string | null): Question {
  if (!q.variables || valuesOf.has(q)) return q;
  const key = seed ?? "\u0000default";
  let seeds = perQuestion.get(q);
  if (!seeds) perQuestion.set(q, (seeds = new Map()));
  let out = seeds.get(key);
  if (!out) {
    out = instantiateQuestion(q, seed);
    if (seeds.size >= SEEDS_CACHED_PER_QUESTION) seeds.delete(seeds.keys().next().value!);
    seeds.set(key, out);
  }
  return out;
}

const perPack = new WeakMap<Pack, Map<string, Pack>>();
const SESSIONS_CACHED_PER_PACK = 256;

/**
 * The pack as one session sees it: every question with variables instantiated
 * from the session's seed (its id). A pure function of (pack, seed), so a
 * resumed, restarted or reported session always gets the same values. Steps
 * that need one question use `sessionQuestion` (this builds all of them); the
 * questions are shared with it, so both views hand out the same objects.
 */
export function sessionPack(pack: Pack, seed: string | null): Pack {
  if (!pack.questions.some((q) => q.variables)) return pack;
  const key = seed ?? "\u0000default";
  let sessions = perPack.get(pack);
  if (!sessions) perPack.set(pack, (sessions = new Map()));
  let out = sessions.get(key);
  if (!out) {
    out = { ...pack, questions: pack.questions.map((q) => sessionQuestion(q, seed)) };
    if (sessions.size >= SESSIONS_CACHED_PER_PACK) sessions.delete(sessions.keys().next().value!);
    sessions.set(key, out);
  }
  return out;
}

/** The default variant of every question: what calibration, previews and tools outside a session use. */
export const defaultVariantPack = (pack: Pack): Pack => sessionPack(pack, null);
