import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, DEFAULT_LIMITS, forgeableTestCodeWarnings, type Sandbox } from "../../server/sandbox/index.js";
import { QuestionSchema, type Language, type Question } from "../../server/scenarios/index.js";
import { addQuestion } from "../helpers/coding-question.js";

const base = addQuestion();
const withTestCode = (id: string, expected: (a: number, b: number) => unknown, testCode: Record<Language, string>): Question =>
  QuestionSchema.parse({
    ...base,
    id,
    coding: {
      ...base.coding,
      tests: base.coding!.tests.map((t) => ({ ...t, expected: expected(t.args[0] as number, t.args[1] as number) })),
      testCode,
    },
  });

/** check()-style: asserts inside the sandbox and returns a constant. */
const checkStyle = withTestCode("check", () => true, {
  python: "def run_case(a, b):\n    assert f(a, b) == a + b\n    return True\n",
  typescript: "function runCase(a: number, b: number) { if (f(a, b) !== a + b) throw new Error('wrong'); return true; }\n",
});
/** Ignores the candidate entirely: returns the answer itself. */
const ignoresCandidate = withTestCode("ignores", (a, b) => a + b, {
  python: "def run_case(a, b):\n    return a + b\n",
  typescript: "function runCase(a: number, b: number) { return a + b; }\n",
});
/** Returns what the candidate computed: the server compares it with "expected". */
const returnsData = withTestCode("data", (a, b) => ({ sum: a + b }), {
  python: "def run_case(a, b):\n    return {'sum': f(a, b)}\n",
  typescript: "function runCase(a: number, b: number) { return { sum: f(a, b) }; }\n",
});

let sandbox: Sandbox;
beforeAll(() => {
  sandbox = createSandbox({ limits: DEFAULT_LIMITS, pythonPool: 1, typescriptWorkers: 1 });
});
afterAll(() => sandbox.close());
const runAll = (q: Question, language: Language, code: string) => sandbox.runTests(q, language, code, "all");

describe("validate warns about test code whose verdict candidate code could fake", () => {
  it("every test expecting the same constant (check()-style test code)", async () => {
    const warnings = await forgeableTestCodeWarnings(checkStyle);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/every test expects true.*candidate code can fake it/);
  });

  it("test code that passes with a stub whose function returns nothing", async () => {
    const languages = (["python", "typescript"] as const).filter((l) => sandbox.capabilities[l].available);
    const warnings = await forgeableTestCodeWarnings(ignoresCandidate, runAll);
    for (const language of languages) expect(warnings.join("\n")).toContain(`a ${language} stub whose f returns nothing passes every test`);
  });

  it("no warning for test code that returns what the candidate's function computed, or for plain questions", async () => {
    expect(await forgeableTestCodeWarnings(returnsData, runAll)).toEqual([]);
    expect(await forgeableTestCodeWarnings(base, runAll)).toEqual([]);
    // And the reference solution still passes such test code in both languages.
    for (const language of ["python", "typescript"] as const) {
      if (!sandbox.capabilities[language].available) continue;
      const report = await runAll(returnsData, language, base.coding!.referenceSolution[language]!);
      expect(report.passed).toBe(report.total);
    }
  });
});

// Test code that reports the errors a candidate raises (a common way to test "raises on bad input").
const reportsErrors = withTestCode("add-reports-errors", (a, b) => ({ sum: a + b }), {
  python:
    "def run_case(a, b):\n    try:\n        return {'sum': f(a, b)}\n    except Exception as e:\n        return {'error': type(e).__name__}\n",
  typescript:
    "function runCase(a: number, b: number) { try { return { sum: f(a, b) }; } catch (e) { return { error: (e as Error).name }; } }\n",
});

/** These cases are Python's: with CI=true nothing may skip, so a missing Python sandbox fails them, saying why. */
function requirePython() {
  const python = sandbox.capabilities.python;
  if (!python.available) throw new Error(`the Python sandbox is unavailable: ${python.reason}`);
}

describe("a returned value the sandbox refuses is reported as refused, even where test code catches errors", () => {
  it.each([
    ["a 2 MiB string", "def f(a, b):\n    return 'x' * (2 * 1024 * 1024)\n", /larger than the 1024 KiB limit/],
    ["a set", "def f(a, b):\n    return {a, b}\n", /not plain data/],
    ["an integer of 5,000 digits", "def f(a, b):\n    return 10 ** 5000\n", /integer too long/],
  ])("Python returning %s", async (_name, code, why) => {
    requirePython();
    const report = await runAll(reportsErrors, "python", code);
    expect(report.passed).toBe(0);
    const visible = report.results.find((r) => r.visible)!;
    expect(visible.visible && visible.error).toMatch(why);
    expect(JSON.stringify(report)).not.toContain('"error":"ValueError"');
    expect(JSON.stringify(report)).not.toContain('"error":"TypeError"');
  });

  it("an error the candidate raises is still the test code's to report", async () => {
    requirePython();
    const report = await runAll(reportsErrors, "python", "def f(a, b):\n    raise ValueError('bad input')\n");
    const visible = report.results.find((r) => r.visible)!;
    expect(visible.visible && visible.actual).toEqual({ error: "ValueError" });
  });
});
