// Fairness: two candidates loop hostile code (CPU-burning loops, both languages);
// a third candidate's Run tests, unloaded and loaded, medians and their ratio.
import type { Sandbox } from "../../server/sandbox/index.js";
import type { Language, Question } from "../../server/scenarios/index.js";
import { printRow, summarise, timeIt } from "./stats.js";

const HOSTILE: Record<Language, string> = {
  python: "def total(xs):\n    while True:\n        pass\n",
  typescript: "export function total(xs: number[]): number { while (true) {} }\n",
};

async function innocentRuns(sandbox: Sandbox, question: Question, language: Language, runs: number): Promise<number[]> {
  const code = question.coding!.referenceSolution[language]!;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (language === "python") await sandbox.ready();
    samples.push(
      await timeIt(async () => {
        const r = await sandbox.runTests(question, language, code, "visible", { owner: "innocent" });
        if (r.passed !== r.total) throw new Error(`the innocent ${language} run failed: ${JSON.stringify(r.results[0])}`);
      }),
    );
  }
  return samples;
}

export async function measureFairness(sandbox: Sandbox, question: Question, runs: number): Promise<void> {
  console.log("Fairness: a third candidate's Run tests while two others loop hostile code in both languages");
  const unloaded = {
    python: await innocentRuns(sandbox, question, "python", runs),
    typescript: await innocentRuns(sandbox, question, "typescript", runs),
  };

  let stop = false;
  const inFlight = new Set<string>();
  // Each attacker is one session: one run at a time (as code:run allows), alternating languages.
  const attacker = async (owner: string) => {
    for (let i = 0; !stop; i++) {
      const language: Language = i % 2 === 0 ? "python" : "typescript";
      inFlight.add(owner);
      await sandbox.runTests(question, language, HOSTILE[language], "visible", { owner });
    }
  };
  const attackers = [attacker("attacker-1"), attacker("attacker-2")];
  while (inFlight.size < 2) await new Promise((r) => setTimeout(r, 10));
  const loaded = {
    python: await innocentRuns(sandbox, question, "python", runs),
    typescript: await innocentRuns(sandbox, question, "typescript", runs),
  };
  stop = true;
  await Promise.all(attackers);

  for (const language of ["python", "typescript"] as const) {
    const u = summarise(unloaded[language]);
    const l = summarise(loaded[language]);
    const ratio = l.median / u.median;
    printRow(`${language}, unloaded`, u);
    printRow(`${language}, two attackers looping`, l, `${ratio.toFixed(2)}x unloaded (target <= 2x): ${ratio <= 2 ? "ok" : "OVER"}`);
  }
}
