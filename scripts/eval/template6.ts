// Buzzword templates, appended term lists and cost figures (session 16, branch `template6`): grades every row of
// test/fixtures/template6/<tune|held>.yaml and prints, per class, how many hold their label (see held.yaml's header).
//   npx tsx scripts/eval/template6.ts [tune|held ...] [--rows]
import { runGamingSets } from "./gaming-rows.js";

runGamingSets("test/fixtures/template6", process.argv.slice(2));
