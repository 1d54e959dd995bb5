// Buzzword templates, appended term lists, fake verdicts and foreign-language notes to the grader, figure salads
// (session 17, branch `gaming7`): grades every row of test/fixtures/gaming7/<tune|held>.yaml and prints, per class,
// how many hold their label (see tune.yaml's header).
//   npx tsx scripts/eval/gaming7.ts [tune|held ...] [--rows]
import { runGamingSets } from "./gaming-rows.js";

runGamingSets("test/fixtures/gaming7", process.argv.slice(2));
