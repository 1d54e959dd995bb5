export { createPackLibrary, PackIdMismatchError, type PackLibrary, type PublishResult } from "./library.js";
export { verifyReferenceSolutions } from "./verify.js";
