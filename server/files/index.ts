export { FileTooLargeError, readBoundedText } from "./read-bounded.js";
export { boundedLines, LineWithoutEndError, type BoundedLine } from "./bounded-lines.js";
