export { cleanAnswer, MANIPULATION } from "./clean.js";
export type { CleanedAnswer, IntegrityFlag } from "./types.js";
