import type { Question } from "../schema.js";
import { defaultValues, domainOf, variantsToCheck, type VariantValues } from "./draw.js";
import { freeNames, parseExpression, type Value } from "./expression.js";
import { secretVariables, withValues } from "./instantiate.js";
import { unknownPlaceholders } from "./template.js";

type Problem = { path: (string | number)[]; message: string };

/** Variants the loader instantiates to prove every one of them fills in cleanly (validate runs code on these too). */
export const VARIANTS_CHECKED = 24;

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * What the schema cannot see about a question's variables: expressions that
 * parse and read only earlier variables, defaults inside their range, figures
 * whose default value matches their `from`, no placeholder naming something
 * undeclared, and every checked variant filling in without an error.
 */
export function checkVariables(q: Question): Problem[] {
  const problems: Problem[] = [];
  const push = (path: (string | number)[], message: string) => problems.push({ path, message });
  const variables = q.variables;
  const slots = new Set(q.promptLab ? [...q.promptLab.brokenPrompt.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!) : []);

  if (!variables) {
    q.figures.forEach((f, j) => {
      if (f.from !== undefined) push(["figures", j, "from"], "uses `from` but the question declares no variables");
    });
    return problems;
  }

  const earlier = new Set<string>();
  const secret = secretVariables(q);
  let sound = true;
  for (const [name, v] of Object.entries(variables)) {
    if (slots.has(name)) push(["variables", name], `"${name}" is also a prompt-lab slot ({{${name}}}); rename the variable`);
    if (v.expr !== undefined) {
      try {
        const unknown = [...freeNames(parseExpression(v.expr))].filter((n) => !earlier.has(n));
        if (unknown.length) {
          sound = false;
          push(
            ["variables", name, "expr"],
            `reads ${unknown.map((n) => `"${n}"`).join(", ")}, which ${unknown.length === 1 ? "is" : "are"} not declared above it`,
          );
        }
      } catch (err) {
        sound = false;
        push(["variables", name, "expr"], errorText(err));
      }
    }
    const domain = domainOf(v);
    if (domain && (v.int ?? v.float) && domain.length >= 100_000)
      push(["variables", name], "the range has 100000 or more steps; use a larger step");
    if (domain && v.default !== undefined && !domain.some((d) => JSON.stringify(d) === JSON.stringify(v.default))) {
      push(["variables", name, "default"], `${JSON.stringify(v.default)} is not one of the values this variable can take`);
    }
    earlier.add(name);
  }
  q.figures.forEach((f, j) => {
    if (f.from === undefined) return;
    try {
      const reads = [...freeNames(parseExpression(f.from))];
      const unknown = reads.filter((n) => !earlier.has(n));
      if (unknown.length) {
        sound = false;
        push(["figures", j, "from"], `reads ${unknown.map((n) => `"${n}"`).join(", ")}, not declared in variables`);
      }
      // A figure is a given the feedback names ("the question's givens produce $0.06"): one computed from a secret
      // variable would show a hidden test's input.
      const hidden = reads.filter((n) => secret.has(n));
      if (hidden.length)
        push(
          ["figures", j, "from"],
          `reads ${hidden.map((n) => `"${n}"`).join(", ")}, a secret variable (or one computed from it); a figure is shown to candidates`,
        );
    } catch (err) {
      sound = false;
      push(["figures", j, "from"], errorText(err));
    }
  });
  if (!sound || problems.length) return problems;

  const texts: { path: (string | number)[]; text: string }[] = [
    { path: ["title"], text: q.title },
    { path: ["prompt"], text: q.prompt },
    ...q.exemplars.map((e, j) => ({ path: ["exemplars", j, "answer"], text: e.answer })),
    ...(q.coding?.tests ?? []).map((t, j) => ({ path: ["coding", "tests", j], text: JSON.stringify([t.name, t.args, t.expected]) })),
  ];
  for (const { path, text } of texts) {
    const unknown = unknownPlaceholders(text, earlier, slots);
    if (unknown.length) push(path, `${unknown.join(", ")} names no declared variable (declared: ${[...earlier].join(", ")})`);
  }

  let defaults: VariantValues;
  try {
    defaults = defaultValues(variables);
  } catch (err) {
    return [{ path: ["variables"], message: `the default variant does not fill in: ${errorText(err)}` }];
  }
  let broken: string | null = null;
  const variants = [
    defaults,
    ...variantsToCheck(variables, VARIANTS_CHECKED, (drawn, err) => {
      broken ??= `the variant ${describeValues(drawn)} does not fill in: ${errorText(err)}`;
    }),
  ];
  if (broken) return [{ path: ["variables"], message: broken }];
  for (const values of variants) {
    try {
      const filled = withValues(q, values);
      if (values === defaults) {
        filled.figures.forEach((f, j) => {
          if (q.figures[j]!.from !== undefined && f.value !== q.figures[j]!.value) {
            push(
              ["figures", j, "value"],
              `is ${q.figures[j]!.value} but \`from: ${q.figures[j]!.from}\` gives ${f.value} in the default variant; make them agree`,
            );
          }
        });
      }
    } catch (err) {
      push(["variables"], `the variant ${describeValues(values)} does not fill in: ${errorText(err)}`);
      break;
    }
  }
  return problems;
}

/** `{rps: 1200, model: "small"}` as a short line for messages. */
export function describeValues(values: Record<string, Value>): string {
  const text = Object.entries(values)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(", ");
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
