import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CROSS_CHECK_CODES } from "../../server/scenarios/cross-checks.js";

describe("pack problem codes", () => {
  const doc = readFileSync(new URL("../../docs/scenario-format.md", import.meta.url), "utf8");
  it("every cross-check code is documented for the teams that switch on it", () => {
    const missing = Object.keys(CROSS_CHECK_CODES).filter((code) => !doc.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });
});
