// npm run bench — every benchmark, printing numbers and ratios (never asserted: this machine is shared).
import { benchGrading } from "./grading.js";
import { benchGradingMemory } from "./grading-memory.js";
import { benchGradingFairness } from "./grading-fairness.js";
import { benchInterview } from "./interview.js";
import { benchStepCpu } from "./step-cpu.js";
import { benchPackUpload } from "./pack-upload.js";

console.log("== grading");
await benchGrading();
await benchGradingMemory();
console.log("\n== interview server");
await benchInterview();
console.log("\n== another candidate's follow-up while one floods the grading thread with 20 KB answers");
await benchGradingFairness();
console.log("\n== event-loop delay while a team validates a 2 MB pack (also: npm run bench:pack-upload)");
await benchPackUpload();
console.log("\n== server CPU per operation (load-independent; also: npx tsx scripts/bench/step-cpu.ts)");
await benchStepCpu();
console.log("\n== sandbox (also: npm run bench:sandbox)");
await import("./sandbox.js");
