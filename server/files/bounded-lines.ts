import { createReadStream } from "node:fs";

/** A line as read: its text, or only its length when it ran past the limit (the text is not kept). */
export type BoundedLine = { lineNo: number; text: string } | { lineNo: number; tooLong: number };

/** A line that does not end within `giveUpChars`: not a line-based file (/dev/zero, a binary). */
export class LineWithoutEndError extends Error {
  constructor(
    readonly lineNo: number,
    readonly giveUpChars: number,
  ) {
    super(`line ${lineNo} has no end within ${giveUpChars.toLocaleString("en")} characters`);
    this.name = "LineWithoutEndError";
  }
}

/**
 * The lines of a file, each held to `maxChars`: readline keeps a line whole however long it runs, so one endless
 * line (/dev/zero) grew until "Invalid string length". A longer line is reported by its length and skipped; one
 * that runs past `giveUpChars` without ending stops the reading.
 */
export async function* boundedLines(path: string, maxChars: number, giveUpChars = maxChars * 10): AsyncGenerator<BoundedLine> {
  let parts: string[] = [];
  let length = 0;
  let lineNo = 1;
  const finish = (): BoundedLine => {
    const line: BoundedLine = length > maxChars ? { lineNo, tooLong: length } : { lineNo, text: parts.join("").replace(/\r$/, "") };
    parts = [];
    length = 0;
    lineNo++;
    return line;
  };
  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 16 })) {
    let from = 0;
    for (let nl = (chunk as string).indexOf("\n"); nl !== -1; nl = (chunk as string).indexOf("\n", from)) {
      const piece = (chunk as string).slice(from, nl);
      length += piece.length;
      if (length <= maxChars) parts.push(piece);
      yield finish();
      from = nl + 1;
    }
    const rest = (chunk as string).slice(from);
    length += rest.length;
    if (length <= maxChars) parts.push(rest);
    else parts = [];
    if (length > giveUpChars) throw new LineWithoutEndError(lineNo, giveUpChars);
  }
  if (length > 0) yield finish();
}
