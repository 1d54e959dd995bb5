// Buzzword templates made of the domain's own words (session 20, branch `gaming10`): grades every row of
// test/fixtures/gaming10/<tune|held>.yaml (rows on the built-in pack and small packs) and prints, per class, how many
// hold their label. The older sets run by name: gaming9-held, gaming9-tune, gaming8-held, gaming8-tune, gaming7-held,
// gaming7-tune; any other argument is read as a path to a fixture file of gaming rows.
//   npx tsx scripts/eval/gaming10.ts [tune|held|gaming9-held|... <file> ...] [--rows]
import { runGamingFile } from "./gaming-rows.js";

const SETS: Record<string, string> = {
  tune: "test/fixtures/gaming10/tune.yaml",
  held: "test/fixtures/gaming10/held.yaml",
  "gaming9-tune": "test/fixtures/gaming9/tune.yaml",
  "gaming9-held": "test/fixtures/gaming9/held.yaml",
  "gaming8-tune": "test/fixtures/gaming8/tune.yaml",
  "gaming8-held": "test/fixtures/gaming8/held.yaml",
  "gaming7-tune": "test/fixtures/gaming7/tune.yaml",
  "gaming7-held": "test/fixtures/gaming7/held.yaml",
};

const argv = process.argv.slice(2);
const names = argv.filter((a) => !a.startsWith("--"));
for (const name of names.length ? names : ["tune", "held"]) runGamingFile(name, SETS[name] ?? name, argv.includes("--rows"));
