import { describe, expect, it } from "vitest";
import { evaluate, parseExpression, variantCount, variantsToCheck } from "../../server/scenarios/variants/index.js";
import { fillText } from "../../server/scenarios/variants/template.js";
import {
  exemplarsWithoutSecrets,
  instantiateQuestion,
  parsePack,
  sessionPack,
  shownValues,
  toPublicQuestion,
  type Question,
} from "../../server/scenarios/index.js";

const ev = (src: string, scope: Record<string, unknown> = {}) => evaluate(parseExpression(src), scope as never);

describe("the variant expression language", () => {
  it("does arithmetic with precedence, power, unary minus, functions and a ternary", () => {
    expect(ev("1 + 2 * 3")).toBe(7);
    expect(ev("(1 + 2) * 3")).toBe(9);
    expect(ev("2 ** 3 ** 2")).toBe(512);
    expect(ev("-2 ** 2")).toBe(-4);
    expect(ev("round(rps * 86400 / 1e6, 2)", { rps: 1234 })).toBe(106.62);
    expect(ev("max(a, b, 3)", { a: 1, b: 7 })).toBe(7);
    expect(ev("min([4, 2, 9])")).toBe(2);
    expect(ev("n > 10 ? 'large' : 'small'", { n: 11 })).toBe("large");
    expect(ev("ceil(7 / 2) + floor(7 / 2) + 7 % 2")).toBe(8);
    expect(ev("len(xs) + sum(xs)", { xs: [1, 2, 3] })).toBe(9);
  });

  it("reads fields and indexes of JSON values, never their prototype", () => {
    const scope = { case: { input: [3, 1], expected: { top: "a" } } };
    expect(ev("case.input[0] + case.input[1]", scope)).toBe(4);
    expect(ev("case.expected.top", scope)).toBe("a");
    expect(ev("case.input[-1]", scope)).toBe(1);
    expect(() => ev("case.constructor", scope)).toThrow(/no field "constructor"/);
    expect(() => ev("case.__proto__", scope)).toThrow(/no field/);
    expect(() => ev("case['toString']", scope)).toThrow(/no field/);
  });

  it("rejects what it does not know with a message naming it", () => {
    expect(() => parseExpression("eval('1')")).toThrow(/unknown function "eval"/);
    expect(() => parseExpression("process.exit()")).toThrow(/unexpected "\("/);
    expect(() => parseExpression("1 +")).toThrow(/ends too early/);
    expect(() => parseExpression("round(1")).toThrow(/expected "\)" at the end/);
    expect(() => parseExpression("a; b")).toThrow(/unexpected ";"/);
    expect(() => ev("x + 1")).toThrow(/unknown variable "x"/);
    expect(() => ev("1 / 0")).toThrow(/division by zero/);
    expect(() => ev("'a' * 2")).toThrow(/needs a number/);
    expect(() => parseExpression("(".repeat(60) + "1" + ")".repeat(60))).toThrow(/too deeply/);
    expect(() => parseExpression("1+".repeat(300) + "1")).toThrow(/at most 500/);
  });
});

const PACK = `
id: variants-demo
title: Variants demo
description: One coding and one design question drawn per session.
rounds:
  - { id: coding, kind: coding, title: Coding, minutes: 10 }
  - { id: design, kind: system-design, title: Design, minutes: 10 }
questions:
  - id: add-up
    kind: coding
    level: junior
    title: Add {{a}} to a list
    prompt: "Return every number plus {{a}}; the list holds {{len(case.input)}} numbers in the example."
    timeGuideMinutes: 5
    variables:
      a: { int: [1, 9] }
      case: { choice: [{ input: [1, 2], expected: [2, 3] }, { input: [10, 20, 30], expected: [11, 21, 31] }], secret: true }
      shifted: { expr: "[case.input[0] + a]" }
    starterCode: { python: "def add(xs, a):\\n    raise NotImplementedError\\n" }
    coding:
      entrypoint: { python: add }
      tests:
        - { name: "adds {{a}}", args: [[0, 5], "{{a}}"], expected: ["{{a}}", "{{5 + a}}"], visible: true }
        - { name: "hidden case of {{len(case.input)}} adding to {{case.expected}}", args: ["{{case.input}}", 1], expected: "{{case.expected}}" }
        - { name: first shifted, args: ["{{[case.input[0]]}}", "{{a}}"], expected: "{{shifted}}" }
      referenceSolution: { python: "def add(xs, a):\\n    return [x + a for x in xs]\\n" }
    rubric:
      - id: loop
        title: Adds to every item
        weight: 1
        description: Adds {{a}} to each number.
        anchors: { "0": none, "1": some, "2": half, "3": most, "4": all }
        evidence: { concepts: [{ label: loop, terms: ["for "] }] }
        probes: ["What if the list is empty?", "Walk me through {{case.input}} plus {{a}}."]
    exemplars:
      - { level: strong, answer: "def add(xs, a): return [x + a for x in xs]", scores: { loop: 4 } }
      - { level: adequate, answer: "def add(xs, a): out = []; for x in xs: out.append(x + a)", scores: { loop: 3 } }
      - { level: weak, answer: "return xs", scores: { loop: 0 } }
  - id: size-it
    kind: system-design
    level: mid
    title: Size it
    prompt: "{{rps}} requests per second at {{price}} USD per million."
    timeGuideMinutes: 5
    variables:
      rps: { int: [1000, 3000], step: 500, default: 2000 }
      price: { float: [0.5, 1.5], step: 0.25 }
      monthly_usd: { expr: "round(rps * 2592000 / 1e6 * price, 2)" }
    figures:
      - { id: rps, label: Peak requests per second, value: 2000, unit: req/s, from: rps }
      - { id: price, label: Price per million requests, value: 0.5, unit: USD, from: price }
    rubric:
      - id: estimate
        title: Monthly cost
        weight: 1
        description: Works out the monthly bill.
        anchors: { "0": none, "1": some, "2": half, "3": most, "4": all }
        evidence: { concepts: [{ label: cost, terms: ["usd", "cost"] }] }
        probes: ["What is the monthly bill at {{rps}} rps?"]
    exemplars:
      - { level: strong, answer: "{{rps}} rps x 2592000 s = {{rps * 2592000}} requests; at {{price}} USD per million that is {{monthly_usd}} USD.", scores: { estimate: 4 } }
      - { level: adequate, answer: "About {{round(monthly_usd, -2)}} USD a month.", scores: { estimate: 2 } }
      - { level: weak, answer: "It is cheap.", scores: { estimate: 0 } }
`;

const pack = parsePack(PACK, "variants-demo.yaml");
const byId = (p: { questions: Question[] }, id: string) => p.questions.find((q) => q.id === id)!;

describe("questions with variables", () => {
  it("draw the same values for the same session and different ones across sessions", () => {
    const a1 = byId(sessionPack(pack, "session-a"), "size-it");
    const a2 = byId(sessionPack(pack, "session-a"), "size-it");
    expect(a1.prompt).toBe(a2.prompt);
    const prompts = new Set(Array.from({ length: 30 }, (_, i) => byId(sessionPack(pack, `session-${i}`), "size-it").prompt));
    expect(prompts.size).toBeGreaterThan(5);
  });

  it("fill the prompt, figures, probes and exemplars with one consistent set of values", () => {
    const q = byId(sessionPack(pack, "session-7"), "size-it");
    const { rps, price } = shownValues(q)! as { rps: number; price: number };
    expect([1000, 1500, 2000, 2500, 3000]).toContain(rps);
    expect(q.prompt).toBe(`${rps} requests per second at ${price} USD per million.`);
    expect(q.figures.map((f) => f.value)).toEqual([rps, price]);
    expect(q.rubric[0]!.probes[0]).toBe(`What is the monthly bill at ${rps} rps?`);
    const monthly = Math.round(((rps * 2592000) / 1e6) * price * 100) / 100;
    expect(q.exemplars[0]!.answer).toContain(`${monthly} USD`);
  });

  it("leave placeholders that name no variable (prompt-lab slots) as written", () => {
    expect(fillText("{{rps}} and {{document}} and {{rps * 2}}", { rps: 3 }, new Set(["rps"]))).toBe("3 and {{document}} and 6");
  });

  it("give tests typed values: a whole-string placeholder becomes the number or list itself", () => {
    const q = byId(sessionPack(pack, "session-3"), "add-up");
    const a = shownValues(q)!.a as number;
    const [visible, hidden, shifted] = q.coding!.tests;
    expect(visible!.name).toBe(`adds ${a}`);
    expect(visible!.args).toEqual([[0, 5], a]);
    expect(visible!.expected).toEqual([a, 5 + a]);
    const input = hidden!.args[0] as number[];
    expect(hidden!.expected).toEqual(input.map((x) => x + 1));
    expect(shifted!.expected).toEqual([input[0]! + a]);
  });

  it("keep secret values (hidden test inputs) out of what is shown to the candidate", () => {
    const q = byId(sessionPack(pack, "session-3"), "add-up");
    // "shifted" is derived from the secret case, so it is secret too.
    expect(Object.keys(shownValues(q)!)).toEqual(["a"]);
    const view = JSON.stringify(toPublicQuestion(q));
    expect(view).not.toContain("case");
    expect(view).not.toContain("hidden case");
  });

  it("show a secret value as (hidden) wherever the candidate reads text: prompt, probes, test names", () => {
    const q = byId(sessionPack(pack, "session-3"), "add-up");
    const a = shownValues(q)!.a as number;
    const hidden = q.coding!.tests[1]!;
    const input = hidden.args[0] as number[];
    // The hidden test still runs on the drawn case; only its name, which the report lists, hides the values.
    expect(hidden.name).toBe("hidden case of (hidden) adding to (hidden)");
    expect(input.length).toBeGreaterThan(0);
    expect(q.prompt).toBe(`Return every number plus ${a}; the list holds (hidden) numbers in the example.`);
    expect(q.rubric[0]!.probes).toEqual(["What if the list is empty?", `Walk me through (hidden) plus ${a}.`]);
    expect(JSON.stringify([q.prompt, q.title, hidden.name, q.rubric[0]!.probes])).not.toContain(JSON.stringify(input).slice(1, -1));
  });

  it("never offer an exemplar filled from a secret value for the report to show", () => {
    const raw = byId(pack, "add-up");
    const q = instantiateQuestion(
      {
        ...raw,
        exemplars: [
          { level: "strong", answer: "For {{case.input}} I return {{case.expected}}.", scores: { loop: 4 } },
          { level: "adequate", answer: "Add {{a}} in a loop.", scores: { loop: 3 } },
          { level: "weak", answer: "return xs", scores: { loop: 0 } },
        ],
      },
      "session-3",
    );
    const a = shownValues(q)!.a as number;
    expect(exemplarsWithoutSecrets(q).map((e) => [e.level, e.answer])).toEqual([
      ["adequate", `Add ${a} in a loop.`],
      ["weak", "return xs"],
    ]);
    // A question without variables keeps every exemplar.
    const plain = { ...raw, variables: undefined };
    expect(exemplarsWithoutSecrets(plain)).toBe(plain.exemplars);
  });

  it("show a secret value as (hidden) in the rubric words feedback and reports quote; evidence terms keep the value", () => {
    // An outside tester put a hidden input in a criterion's title, a key point's label, the anchors and what a strong
    // answer adds: live feedback, the report, the share link and the history all showed it.
    const raw = byId(pack, "add-up");
    const secretRubric: Question = {
      ...raw,
      rubric: [
        {
          ...raw.rubric[0]!,
          title: "Handles {{case.input}}",
          description: "Returns {{case.expected}} for the hidden case.",
          anchors: { "0": "none", "1": "some", "2": "half", "3": "gets {{case.expected}}", "4": "all, {{shifted}} too" },
          evidence: {
            ...raw.rubric[0]!.evidence,
            concepts: [{ label: "plus {{shifted}}", terms: ["{{shifted}}", "for "], plain: ["add {{shifted}}"] }],
          },
          strongAnswerAdds: "Adds {{case.input}} and {{a}}.",
        },
      ],
    };
    const q = instantiateQuestion(secretRubric, "session-3");
    const a = shownValues(q)!.a as number;
    const c = q.rubric[0]!;
    expect(c.title).toBe("Handles (hidden)");
    expect(c.description).toBe("Returns (hidden) for the hidden case.");
    expect(c.anchors["3"]).toBe("gets (hidden)");
    expect(c.anchors["4"]).toBe("all, (hidden) too");
    expect(c.evidence.concepts[0]!.label).toBe("plus (hidden)");
    expect(c.strongAnswerAdds).toBe(`Adds (hidden) and ${a}.`);
    // The grader still matches the real value.
    const input = q.coding!.tests[1]!.args[0] as number[];
    expect(c.evidence.concepts[0]!.terms[0]).toBe(JSON.stringify([input[0]! + a]));
    // And the key point's plain phrasings, which the variant once dropped, with it.
    expect(c.evidence.concepts[0]!.plain).toEqual([`add ${JSON.stringify([input[0]! + a])}`]);
  });

  it("refuse a figure computed from a secret variable: figures are givens the feedback names", () => {
    const withFigure = PACK.replace(
      "    figures:\n      - { id: rps,",
      "    figures:\n      - { id: leak, label: Leak, value: 1, unit: x, from: secret_n }\n      - { id: rps,",
    ).replace(
      "      rps: { int: [1000, 3000], step: 500, default: 2000 }",
      "      secret_n: { int: [1, 1], secret: true }\n      rps: { int: [1000, 3000], step: 500, default: 2000 }",
    );
    expect(withFigure).toContain("from: secret_n");
    expect(() => parsePack(withFigure, "leak.yaml")).toThrow(/figures.*reads "secret_n", a secret variable/s);
  });

  it("show the default variant outside a session, never raw placeholders", () => {
    const view = toPublicQuestion(byId(pack, "size-it"));
    expect(view.prompt.startsWith("2000 requests per second at 0.5 USD")).toBe(true);
    expect(toPublicQuestion(byId(pack, "add-up")).title).toBe("Add 1 to a list");
    // Instantiating an instantiated question changes nothing (figures keep the session's values).
    const q = byId(sessionPack(pack, "session-9"), "size-it");
    expect(instantiateQuestion(q, null)).toBe(q);
  });

  it("enumerate a small variant space whole and sample a large one deterministically", () => {
    const vars = byId(pack, "size-it").variables!;
    expect(variantCount(vars)).toBe(25);
    const all = variantsToCheck(vars, 30);
    expect(new Set(all.map((v) => `${v.rps}/${v.price}`)).size).toBe(25);
    const sample = variantsToCheck(vars, 10);
    expect(sample.length).toBeLessThanOrEqual(10);
    expect(sample).toEqual(variantsToCheck(vars, 10));
    expect(sample).toContainEqual(expect.objectContaining({ rps: 1000, price: 0.5 }));
    expect(sample).toContainEqual(expect.objectContaining({ rps: 3000, price: 1.5 }));
  });
});
