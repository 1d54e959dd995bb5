import { closeSync, openSync, readSync } from "node:fs";

/** A file that holds more than the reader allows (or never ends: /dev/zero, a FIFO fed forever). */
export class FileTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly maxBytes: number,
  ) {
    super(`${path} holds more than ${maxBytes.toLocaleString("en")} bytes`);
    this.name = "FileTooLargeError";
  }
}

/**
 * Read a text file of at most `maxBytes`, stopping one byte past the limit: readFileSync on /dev/zero or a huge
 * file grows until memory runs out (an outside test saw `validate /dev/zero` reach 7 GB). Errors from opening or
 * reading (ENOENT, EISDIR, EACCES) are thrown as they come, for the caller to name.
 */
export function readBoundedText(path: string, maxBytes: number): string {
  const buffer = Buffer.alloc(maxBytes + 1);
  let size = 0;
  const fd = openSync(path, "r");
  try {
    for (let got = -1; got !== 0 && size <= maxBytes; size += got) got = readSync(fd, buffer, size, buffer.length - size, null);
  } finally {
    closeSync(fd);
  }
  if (size > maxBytes) throw new FileTooLargeError(path, maxBytes);
  return buffer.toString("utf8", 0, size);
}
