// npm run bench — every benchmark, printing numbers and ratios (never asserted: this machine is shared).
import { benchGrading } from "./grading.js";
import { benchInterview } from "./interview.js";

console.log("== grading");
await benchGrading();
console.log("\n== interview server");
await benchInterview();
console.log("\n== sandbox (also: npm run bench:sandbox)");
await import("./sandbox.js");
