export { FileTooLargeError, readBoundedText } from "./read-bounded.js";
export { boundedLines, LineWithoutEndError } from "./bounded-lines.js";
export { shownPath } from "./shown-path.js";
