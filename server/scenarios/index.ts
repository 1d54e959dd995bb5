export * from "./schema.js";
export * from "./public.js";
export * from "./errors.js";
export {
  parsePack,
  parsePackLocated,
  parsePackPortable,
  locatedPack,
  locatedReadable,
  loadPackDir,
  loadPacksFromDir,
  loadPacksAt,
  type LocatedPack,
  type PortablePack,
  type PortableReadable,
} from "./loader.js";
export { createStaticCatalog, type PackCatalog, type PackRecord, type Visibility } from "./catalog.js";
export { storedPackProblems } from "./stored-problems.js";
export {
  instantiateQuestion,
  sessionPack,
  sessionQuestion,
  defaultVariantPack,
  shownValues,
  exemplarsWithoutSecrets,
  variantValues,
  withValues,
  variantsToCheck,
  describeValues,
} from "./variants/index.js";
export { questionTopics, renderTopicsDoc } from "./topics.js";
