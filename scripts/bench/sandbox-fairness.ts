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

/**
 * Address share: N sessions from ONE address loop Python; an observer from another
 * address runs its tests. "before" queues the N sessions as independent candidates
 * (no address group, as the server did before); "after" groups them by address, as
 * the server now does. Same run, same machine, so the ratio is what the grouping buys.
 */
export async function measureAddressShare(sandbox: Sandbox, question: Question, runs: number, sessions: number): Promise<void> {
  console.log(`Address share: an observer's Python Run tests while ${sessions} sessions from one address loop`);
  const observe = async (): Promise<number[]> => {
    const code = question.coding!.referenceSolution.python!;
    const samples: number[] = [];
    for (let i = 0; i < runs; i++)
      samples.push(
        await timeIt(async () => {
          const r = await sandbox.runTests(question, "python", code, "visible", { owner: "observer", group: "address:observer" });
          if (r.passed !== r.total) throw new Error(`the observer's run failed: ${JSON.stringify(r.results[0])}`);
        }),
      );
    return samples;
  };
  const underLoad = async (group: string | undefined): Promise<number[]> => {
    let stop = false;
    const started = new Set<string>();
    const loopers = Array.from({ length: sessions }, async (_, n) => {
      const owner = `looper-${n}`;
      while (!stop) {
        started.add(owner);
        await sandbox.runTests(question, "python", HOSTILE.python, "visible", { owner, group });
      }
    });
    while (started.size < sessions) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 500)); // let the loops take their slots
    const samples = await observe();
    stop = true;
    await Promise.all(loopers);
    return samples;
  };
  await sandbox.ready();
  const unloaded = summarise(await observe());
  const before = summarise(await underLoad(undefined));
  const after = summarise(await underLoad("address:looper"));
  printRow("python, unloaded", unloaded);
  printRow(`python, ${sessions} loops, no address share (before)`, before, `${(before.median / unloaded.median).toFixed(2)}x unloaded`);
  printRow(
    `python, ${sessions} loops, one address share (after)`,
    after,
    `${(after.median / unloaded.median).toFixed(2)}x unloaded; before/after ${(before.median / after.median).toFixed(2)}x`,
  );
}
