import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { packFor, withoutPackOption } from "../../scripts/eval/pack-option.js";
import type { EvalItem } from "../../scripts/eval/types.js";
import { oneCriterionPack } from "../helpers/one-criterion.js";

/**
 * `scripts/eval --pack <file>`: a hand-written pack grades the items whose question it holds (matched by
 * author-pack.ts's slug of the set's question id); the rest are skipped and counted, never graded
 * against some other question.
 */
const item = (questionId: string): EvalItem => ({
  questionId,
  question: `Question ${questionId}?`,
  references: [`Reference for ${questionId}`],
  answer: "an answer",
  label: 4,
  split: "tuning",
});
const items = [item("Q 1.1"), item("Q 1.1"), item("2.3")];

function packFile(): string {
  const pack = oneCriterionPack({
    id: "q-1-1",
    prompt: "Question Q 1.1?",
    concepts: [{ label: "reference", terms: ["reference"] }],
    exemplars: [{ level: "strong", answer: "Reference for Q 1.1", score: 4 }],
  });
  const file = join(mkdtempSync(join(tmpdir(), "eval-pack-")), "pack.yaml");
  writeFileSync(file, stringify(pack));
  return file;
}

describe("eval --pack", () => {
  it("grades the items whose question the pack holds and skips the others", () => {
    const { pack, graded, skipped } = packFor("set", items, ["--pack", packFile()]);
    expect(pack.id).toBe("q-1-1-pack");
    expect(graded.map((g) => [g.item.questionId, g.question.id])).toEqual([
      ["Q 1.1", "q-1-1"],
      ["Q 1.1", "q-1-1"],
    ]);
    expect(skipped.map((s) => s.questionId)).toEqual(["2.3"]);
  });

  it("authors the pack from the references when no pack is given, skipping nothing", () => {
    const { graded, skipped } = packFor("set", items, []);
    expect(graded.map((g) => g.question.id)).toEqual(["q-1-1", "q-1-1", "2-3"]);
    expect(skipped).toEqual([]);
  });

  it("leaves the positional arguments once the option is taken out", () => {
    expect(withoutPackOption(["saf", "--pack", "p.yaml", "/data/saf", "--sweep"])).toEqual(["saf", "/data/saf", "--sweep"]);
  });
});
