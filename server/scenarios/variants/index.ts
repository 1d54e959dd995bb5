/**
 * Variants: per-session values for a question's numbers, names and test inputs,
 * declared in the pack (`variables`), drawn from a seed, filled into `{{…}}`
 * placeholders. The one door to the rest of the server.
 */
export { parseExpression, evaluate } from "./expression.js";
export { variantCount, variantsToCheck, seededRandom } from "./draw.js";
export {
  instantiateQuestion,
  withValues,
  variantValues,
  shownValues,
  sessionPack,
  sessionQuestion,
  defaultVariantPack,
  exemplarsWithoutSecrets,
} from "./instantiate.js";
export { checkVariables, describeValues } from "./check.js";
