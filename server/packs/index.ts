export { createPackLibrary, PackIdMismatchError, type PackLibrary, type PublishResult } from "./library.js";
