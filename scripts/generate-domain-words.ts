// Writes server/grading/language/domain-words.txt, the domain's words (domain-words.ts), from the built-in pack.
// `npm run domain-words` after the built-in pack's texts change; a test fails when the checked-in file is stale.
import { writeFileSync } from "node:fs";
import { loadPacksFromDir } from "../server/scenarios/index.js";
import { DOMAIN_WORDS_FILE, domainWordLines } from "../server/grading/language/domain-words.js";

const pack = loadPacksFromDir("scenarios").find((p) => p.id === "ai-engineer");
if (!pack) throw new Error("no built-in ai-engineer pack in scenarios/");
writeFileSync(DOMAIN_WORDS_FILE, domainWordLines(pack));
console.log(`wrote ${DOMAIN_WORDS_FILE.pathname}`);
