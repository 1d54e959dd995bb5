export { cleanAnswer, FLAG_MESSAGES, MANIPULATION, oneAnswer, STEERING_PENALTY } from "./clean.js";
export type { IntegrityFlag } from "./types.js";
export { isContentWord } from "./copy-index.js";
export { forMatching } from "./normalise.js";
