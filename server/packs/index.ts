export { createPackLibrary, PackIdMismatchError, PackVersionStaleError, type PackLibrary, type PublishResult } from "./library.js";
export { verifyReferenceSolutions } from "./verify.js";
export { createValidationGate } from "./validation-gate.js";
export { createPackReader, type PackReader, type PackReaderOptions } from "./reader/index.js";
