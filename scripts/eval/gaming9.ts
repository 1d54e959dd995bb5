// Fluent buzzword templates and gibberish with figures on a SMALL pack (session 19, branch `gaming9`): grades every
// row of test/fixtures/gaming9/<tune|held>.yaml (each on its own small pack, test/fixtures/packs/gaming9[-tune]) and
// prints, per class, how many hold their label (see held.yaml's header). `gaming8-held` and `gaming8-tune` run
// session 18's rows on the built-in pack; any other argument is read as a path to a fixture file of gaming rows.
// `--pack <file>` grades every row against that pack instead of the one it names (its question ids must match).
//   npx tsx scripts/eval/gaming9.ts [tune|held|gaming8-held|<file> ...] [--rows] [--pack <file>]
import { readFileSync } from "node:fs";
import { parsePack } from "../../server/scenarios/index.js";
import { gradeRowsWith } from "./fixture-rows.js";
import { runGamingFile } from "./gaming-rows.js";
import { withoutPackOption } from "./pack-option.js";

const SETS: Record<string, string> = {
  tune: "test/fixtures/gaming9/tune.yaml",
  held: "test/fixtures/gaming9/held.yaml",
  "gaming8-tune": "test/fixtures/gaming8/tune.yaml",
  "gaming8-held": "test/fixtures/gaming8/held.yaml",
};

const argv = process.argv.slice(2);
const at = argv.indexOf("--pack");
if (at >= 0) {
  const file = argv[at + 1];
  if (!file) throw new Error("--pack needs a file");
  gradeRowsWith(parsePack(readFileSync(file, "utf8"), file));
}
const rest = withoutPackOption(argv);
const names = rest.filter((a) => !a.startsWith("--"));
for (const name of names.length ? names : ["tune", "held"]) runGamingFile(name, SETS[name] ?? name, rest.includes("--rows"));
