// Records shown as the described system's data (session 18, branch `integrity8`, outside audit finding h002): grades
// every row of test/fixtures/integrity8/<tune|held>.yaml and prints, per class, how many hold their label (see
// tune.yaml's header).
//   npx tsx scripts/eval/integrity8.ts [tune|held ...] [--rows]
import { runGamingSets } from "./gaming-rows.js";

runGamingSets("test/fixtures/integrity8", process.argv.slice(2));
