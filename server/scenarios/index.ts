export * from "./schema.js";
export * from "./public.js";
export * from "./errors.js";
export { parsePack, loadPackFile, loadPacksFromDir } from "./loader.js";
export { createPackCatalog, type PackCatalog } from "./catalog.js";
