export { createPackLibrary, PackIdMismatchError, type PackLibrary, type PublishResult } from "./library.js";
export { verifyReferenceSolutions, type Verification } from "./verify.js";
