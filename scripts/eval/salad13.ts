// Word salads, stuffed filler, keyword lists and templates (session 23, branch `salad13`): grades every row of
// test/fixtures/salad13/<tune|held>.yaml (the team pack beside them, session 20's small pack, the built-in pack) and
// prints, per class, how many hold their label (gaming rows at most the weak exemplar; honest rows at least `min`,
// unflagged). Any other argument is read as a path to a fixture file of gaming rows.
//   npx tsx scripts/eval/salad13.ts [tune|held|<file> ...] [--rows]
import { runGamingFile } from "./gaming-rows.js";

const SETS: Record<string, string> = {
  tune: "test/fixtures/salad13/tune.yaml",
  held: "test/fixtures/salad13/held.yaml",
};

const argv = process.argv.slice(2);
const names = argv.filter((a) => !a.startsWith("--"));
for (const name of names.length ? names : ["tune", "held"]) runGamingFile(name, SETS[name] ?? name, argv.includes("--rows"));
