export * from "./schema.js";
export * from "./public.js";
export * from "./errors.js";
export { parsePack, loadPackFile, loadPackDir, loadPacksFromDir, loadPacksAt, loadQuestionFile } from "./loader.js";
export { createStaticCatalog, type PackCatalog, type PackRecord, type Visibility } from "./catalog.js";
