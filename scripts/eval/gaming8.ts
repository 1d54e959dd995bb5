// Gibberish with the rubric's terms and fluent buzzword templates (session 18, branch `gaming8`): grades every row of
// test/fixtures/gaming8/<tune|held>.yaml and prints, per class, how many hold their label (see held.yaml's header).
//   npx tsx scripts/eval/gaming8.ts [tune|held ...] [--rows]
import { runGamingSets } from "./gaming-rows.js";

runGamingSets("test/fixtures/gaming8", process.argv.slice(2));
