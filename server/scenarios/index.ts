export * from "./schema.js";
export * from "./public.js";
export * from "./errors.js";
export {
  parsePack,
  parsePackLocated,
  loadPackFile,
  loadPackDir,
  loadPacksFromDir,
  loadPacksAt,
  loadQuestionFile,
  type LocatedPack,
  type Locator,
} from "./loader.js";
export { createStaticCatalog, type PackCatalog, type PackRecord, type Visibility } from "./catalog.js";
export {
  instantiateQuestion,
  sessionPack,
  sessionQuestion,
  defaultVariantPack,
  shownValues,
  variantValues,
  withValues,
  variantsToCheck,
  variantCount,
  describeValues,
  type VariantValues,
} from "./variants/index.js";
export { questionTopics, renderTopicsDoc } from "./topics.js";
