export { cleanAnswer, FLAG_MESSAGES, MANIPULATION } from "./clean.js";
export type { CleanedAnswer, IntegrityFlag } from "./types.js";
