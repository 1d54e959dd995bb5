import { describe, expect, it } from "vitest";
import { configLines } from "../../server/grading/integrity/config-lines.js";

describe("a quoted YAML configuration", () => {
  it("is read as data with Windows line ends too (the value runs to the line's end, carriage return included)", () => {
    const yaml = ["retrieval:", "  top_k: 8", "  rerank: true", "  min_score: 0.35"].join("\r\n");
    expect([...configLines(yaml)]).toEqual([0, 1, 2, 3]);
  });

  it("names the right lines after a JSON object in a long paragraph (lines found from their start offsets)", () => {
    const before = Array.from({ length: 40 }, (_, i) => `note ${i}`).join("\n");
    const json = '{"top_k": 8, "rerank": true, "min_score": 0.35}';
    expect([...configLines(`${before}\n${json}\nafter`)]).toEqual([40]);
  });
});
