// npm run bench:sandbox — how fast candidate code runs, warm and cold, alone and under load,
// and whether two candidates looping hostile code slow a third one down (fairness).
import { spawnSync } from "node:child_process";
import { createSandbox, DEFAULT_LIMITS } from "../../server/sandbox/index.js";
import { createPythonRunner } from "../../server/sandbox/python/runner.js";
import { createTypeScriptRunner } from "../../server/sandbox/typescript/runner.js";
import { QuestionSchema } from "../../server/scenarios/index.js";
import { measureAddressShare, measureFairness } from "./sandbox-fairness.js";
import { printRow, summarise, timeIt, ms } from "./stats.js";

const TESTS = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

/** A 20-test problem: sum of a list; 5 visible, 15 hidden (visible and hidden run in separate sandboxes, as on submit). */
const question = QuestionSchema.parse({
  id: "sum",
  kind: "coding",
  level: "junior",
  title: "Sum",
  prompt: "Sum a list.",
  timeGuideMinutes: 1,
  starterCode: { python: "def total(xs):\n    pass\n", typescript: "export function total(xs: number[]): number { return 0; }\n" },
  rubric: [
    {
      id: "c",
      title: "C",
      weight: 1,
      description: "d",
      anchors: { 0: "a", 1: "b", 2: "c", 3: "d", 4: "e" },
      evidence: { concepts: [{ label: "l", terms: ["sum"] }] },
    },
  ],
  coding: {
    entrypoint: { python: "total", typescript: "total" },
    tests: Array.from({ length: TESTS }, (_, i) => ({
      name: `t${i}`,
      args: [Array.from({ length: i + 1 }, (_, k) => k)],
      expected: (i * (i + 1)) / 2,
      visible: i < 5,
    })),
    referenceSolution: {
      python: "def total(xs):\n    return sum(xs)\n",
      typescript: "export function total(xs: number[]) { return xs.reduce((a, b) => a + b, 0); }\n",
    },
  },
});
const code = question.coding!.referenceSolution;
/** The same problem judged by check()-style test code that imports modules: the sandbox restores them around every call. */
const checkStyle = QuestionSchema.parse({
  ...question,
  id: "sum-check",
  coding: {
    ...question.coding,
    tests: question.coding!.tests.map((t) => ({ ...t, expected: true })),
    testCode: {
      python:
        "import math, json\ndef run_case(xs):\n    assert math.isclose(total(xs), math.fsum(xs)) and json.loads(json.dumps(total(xs))) == sum(xs)\n    return True\n",
      typescript:
        "function runCase(xs: number[]) { if (!Object.is(total(xs), xs.reduce((a, b) => a + b, 0)) || JSON.stringify([total(xs)]) !== JSON.stringify([Math.round(total(xs))])) throw new Error('wrong'); return true; }\n",
    },
  },
});

async function main() {
  // `npm run bench:sandbox -- --address-share`: only the address-share rows (the full bench takes minutes).
  if (process.argv.includes("--address-share")) {
    const sandbox = createSandbox({ limits: DEFAULT_LIMITS, pythonPool: 2 });
    if (!sandbox.capabilities.python.available) throw new Error(sandbox.capabilities.python.reason);
    await measureAddressShare(sandbox, question, 8, Number(process.env.BENCH_LOOPING_SESSIONS ?? 12));
    await sandbox.close();
    return;
  }
  console.log(
    `Sandbox benchmark: a ${TESTS}-test problem (5 visible + 15 hidden), ${RUNS} runs each; limits ${JSON.stringify(DEFAULT_LIMITS)}\n`,
  );
  const bare = [];
  for (let i = 0; i < 20; i++) bare.push(await timeIt(() => spawnSync("/usr/bin/python3", ["-c", "pass"])));
  const bareMedian = summarise(bare).median;
  printRow("baseline: spawn bare `python3 -c pass`", summarise(bare));

  // The server's defaults: a pool of 2 pre-started Python sandboxes, TypeScript workers sized to the machine.
  const sandbox = createSandbox({ limits: DEFAULT_LIMITS, pythonPool: 2 });
  if (!sandbox.capabilities.python.available) throw new Error(sandbox.capabilities.python.reason);
  await sandbox.runTests(question, "typescript", code.typescript!, "all"); // warm the workers' engines
  await sandbox.ready();

  // Each run starts once the pool has refilled (a candidate's think time is far longer
  // than a refill), so this measures the run, not the refill.
  const warmPy: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await sandbox.ready();
    warmPy.push(
      await timeIt(async () => {
        // As on submit: owned by the session, so its visible and hidden batches run one after the other.
        const r = await sandbox.runTests(question, "python", code.python!, "all", { owner: "bench" });
        if (r.passed !== TESTS) throw new Error("python reference failed");
      }),
    );
  }
  const py = summarise(warmPy);
  const ratio = py.median / bareMedian;
  printRow(
    "Python, warm, submit (pre-started pool)",
    py,
    `${ratio.toFixed(2)}x bare python3 spawn (target <= 3x): ${ratio <= 3 ? "ok" : "OVER"}`,
  );
  const checkPy: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await sandbox.ready();
    checkPy.push(
      await timeIt(async () => {
        const r = await sandbox.runTests(checkStyle, "python", code.python!, "all", { owner: "bench" });
        if (r.passed !== TESTS) throw new Error("python reference failed the check()-style tests");
      }),
    );
  }
  const pyCheck = summarise(checkPy);
  printRow(
    "Python, warm, submit, check()-style test code",
    pyCheck,
    `${(pyCheck.median / bareMedian).toFixed(2)}x bare python3 spawn (modules restored around 2 calls per test)`,
  );
  const runPy: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await sandbox.ready();
    runPy.push(await timeIt(() => sandbox.runTests(question, "python", code.python!, "visible", { owner: "bench" })));
  }
  printRow("Python, warm, Run tests (visible, one owner)", summarise(runPy));

  const coldPyRunner = createPythonRunner({ limits: DEFAULT_LIMITS, poolSize: 0 });
  const coldPy: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 20); i++) {
    coldPy.push(
      await timeIt(() =>
        coldPyRunner.run({
          language: "python",
          code: code.python!,
          entrypoint: "total",
          cases: question.coding!.tests.map((t) => ({ args: t.args })),
        }),
      ),
    );
  }
  await coldPyRunner.close();
  const pyCold = summarise(coldPy);
  printRow("Python, cold (spawn bubblewrap + python3 per run)", pyCold, `${(pyCold.median / bareMedian).toFixed(2)}x bare python3 spawn`);

  const warmTs: number[] = [];
  for (let i = 0; i < RUNS; i++) warmTs.push(await timeIt(() => sandbox.runTests(question, "typescript", code.typescript!, "all")));
  printRow("TypeScript, warm (worker + wasm module loaded)", summarise(warmTs), "target < 20 ms");
  const checkTs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    checkTs.push(
      await timeIt(async () => {
        const r = await sandbox.runTests(checkStyle, "typescript", code.typescript!, "all");
        if (r.passed !== TESTS) throw new Error("typescript reference failed the check()-style tests");
      }),
    );
  }
  printRow("TypeScript, warm, check()-style test code", summarise(checkTs), "built-ins restored around 3 calls per test");

  const coldTs: number[] = [];
  for (let i = 0; i < 5; i++) {
    coldTs.push(
      await timeIt(async () => {
        const runner = createTypeScriptRunner({ limits: DEFAULT_LIMITS, workers: 1 });
        await runner.run({
          language: "typescript",
          code: code.typescript!,
          entrypoint: "total",
          cases: question.coding!.tests.map((t) => ({ args: t.args })),
        });
        await runner.close();
      }),
    );
  }
  printRow("TypeScript, cold (new worker thread + wasm module)", summarise(coldTs));

  console.log("");
  for (const concurrency of [1, 4, 8]) {
    for (const language of ["python", "typescript"] as const) {
      const total = concurrency * 10;
      let done = 0;
      const t = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async (_, c) => {
          while (done < total) {
            done++;
            await sandbox.runTests(question, language, code[language]!, "all", { owner: `candidate-${c}` });
          }
        }),
      );
      const secs = (performance.now() - t) / 1000;
      console.log(
        `${`${language}, ${concurrency} concurrent candidates`.padEnd(46)} ${(total / secs).toFixed(1).padStart(7)} runs/s   (${total} submits of ${TESTS} tests in ${ms(secs * 1000)})`,
      );
    }
  }

  console.log("");
  await measureFairness(sandbox, question, Math.max(10, Math.min(RUNS, 20)));
  if (sandbox.capabilities.python.available)
    await measureAddressShare(sandbox, question, 8, Number(process.env.BENCH_LOOPING_SESSIONS ?? 12));
  await sandbox.close();
}

await main();
