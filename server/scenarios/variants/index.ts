/**
 * Variants: per-session values for a question's numbers, names and test inputs,
 * declared in the pack (`variables`), drawn from a seed, filled into `{{…}}`
 * placeholders. The one door to the rest of the server.
 */
export { parseExpression, evaluate, formatValue, ExpressionError, FUNCTION_NAMES, type Value } from "./expression.js";
export { drawValues, defaultValues, variantCount, variantsToCheck, seededRandom, type VariantValues } from "./draw.js";
export { instantiateQuestion, withValues, variantValues, shownValues, sessionPack, sessionQuestion, defaultVariantPack } from "./instantiate.js";
export { checkVariables, describeValues, VARIANTS_CHECKED } from "./check.js";
