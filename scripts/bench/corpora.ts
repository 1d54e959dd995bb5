// npm run bench:corpora — the grader's heavy corpus checks in full (the test suite runs a fixed
// sample of each: test/helpers/corpora.ts). Prints answers graded, violations and time, with the
// sample's run in the same process as the baseline. Exit 1 if the full corpus finds a violation.
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import {
  gamingEarnsNoMoreThanWeak,
  honestAnswersUnflagged,
  publicInjectionsRaiseNothing,
  type CorpusRun,
  type CorpusSize,
} from "../../test/helpers/corpora.js";

const [pack] = loadPacksFromDir("scenarios");
const CHECKS: [string, (size: CorpusSize) => CorpusRun][] = [
  ["public injections raise nothing", (size) => publicInjectionsRaiseNothing(pack!, size)],
  ["gaming earns no more than weak", (size) => gamingEarnsNoMoreThanWeak(pack!, size)],
  ["honest answers unflagged", (size) => honestAnswersUnflagged(pack!, size)],
];

const timed = (run: () => CorpusRun) => {
  const t = performance.now();
  const result = run();
  return { ...result, seconds: (performance.now() - t) / 1000 };
};

// Warm the grader's per-pack indexes first so neither run pays for them.
honestAnswersUnflagged(pack!, "sample");
let violations = 0;
console.log(`${"check".padEnd(34)} ${"sample".padStart(14)} ${"full".padStart(14)}  ratio  violations (full)`);
for (const [name, check] of CHECKS) {
  const sample = timed(() => check("sample"));
  const full = timed(() => check("full"));
  violations += full.problems.length;
  const cell = (r: { graded: number; seconds: number }) => `${r.graded} in ${r.seconds.toFixed(1)} s`.padStart(14);
  console.log(
    `${name.padEnd(34)} ${cell(sample)} ${cell(full)}  ${(full.seconds / sample.seconds).toFixed(1).padStart(4)}x  ${full.problems.length}`,
  );
  for (const p of full.problems.slice(0, 20)) console.log(`    ${p}`);
}
process.exitCode = violations ? 1 : 0;
