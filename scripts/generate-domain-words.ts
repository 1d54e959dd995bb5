// Writes server/grading/language/domain-words.txt, the domain's words (domain-words.ts), and word-order.tsv, English
// word order (word-order.ts), from the built-in pack (and WordNet's example sentences).
// `npm run domain-words` after the built-in pack's texts change; a test fails when a checked-in file is stale.
import { writeFileSync } from "node:fs";
import { loadPacksFromDir } from "../server/scenarios/index.js";
import { DOMAIN_WORDS_FILE, domainWordLines } from "../server/grading/language/domain-words.js";
import { WORD_ORDER_FILE, wordOrderLines } from "../server/grading/language/word-order.js";
import { wordOrderCorpus } from "../server/grading/language/word-order-corpus.js";

const pack = loadPacksFromDir("scenarios").find((p) => p.id === "ai-engineer");
if (!pack) throw new Error("no built-in ai-engineer pack in scenarios/");
writeFileSync(DOMAIN_WORDS_FILE, domainWordLines(pack));
console.log(`wrote ${DOMAIN_WORDS_FILE.pathname}`);
writeFileSync(WORD_ORDER_FILE, wordOrderLines(wordOrderCorpus(pack)));
console.log(`wrote ${WORD_ORDER_FILE.pathname}`);
