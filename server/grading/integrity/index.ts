export { cleanAnswer, FLAG_MESSAGES, MANIPULATION, oneAnswer, STEERING_PENALTY } from "./clean.js";
export type { IntegrityFlag } from "./types.js";
export { contentWords } from "./copy-index.js";
