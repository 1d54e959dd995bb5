export { cleanAnswer, FLAG_MESSAGES, MANIPULATION } from "./clean.js";
export type { IntegrityFlag } from "./types.js";
