import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { boundedLines, FileTooLargeError, LineWithoutEndError, readBoundedText, shownPath } from "../../server/files/index.js";

const file = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), "mi-files-")), "f.txt");
  writeFileSync(path, text);
  return path;
};
const collect = async (path: string, max: number, giveUp?: number) => {
  const out = [];
  for await (const line of boundedLines(path, max, giveUp)) out.push(line);
  return out;
};

describe("bounded reads", () => {
  it("reads a file up to the limit and refuses one byte more", () => {
    expect(readBoundedText(file("abcd"), 4)).toBe("abcd");
    expect(() => readBoundedText(file("abcde"), 4)).toThrow(FileTooLargeError);
    expect(() => readBoundedText("/dev/zero", 1000)).toThrow(/holds more than 1,000 bytes/);
  });

  it("splits lines, reports an over-long one by its length, and keeps the lines after it", async () => {
    const long = "x".repeat(70_000);
    const lines = await collect(file(`one\r\n${long}\n\nthree`), 10, 1_000_000);
    expect(lines).toEqual([
      { lineNo: 1, text: "one" },
      { lineNo: 2, tooLong: 70_000 },
      { lineNo: 3, text: "" },
      { lineNo: 4, text: "three" },
    ]);
  });

  it("gives up on a line that never ends", async () => {
    await expect(collect("/dev/zero", 100, 200_000)).rejects.toThrow(LineWithoutEndError);
  });
});

describe("shownPath", () => {
  it("names a file under the root from the root, and one outside it as the user gave it", () => {
    expect(shownPath("/work/repo/packs/a.yaml", "/work/repo")).toBe("packs/a.yaml");
    expect(shownPath("/dev/zero", "/work/repo")).toBe("/dev/zero");
    expect(shownPath("/work/other/a.yaml", "/work/repo")).toBe("/work/other/a.yaml");
    expect(shownPath("/work/repo", "/work/repo")).toBe("/work/repo");
    // A name that merely starts with two dots is still inside the root.
    expect(shownPath("/work/repo/..hidden/a.yaml", "/work/repo")).toBe("..hidden/a.yaml");
  });
});
