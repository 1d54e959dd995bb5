import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { gradeAttacked, PLACEMENTS } from "../helpers/attacked.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

type Written = { id: string; family: string; flagged: boolean; text: string };
const WRITTEN = parse(readFileSync(new URL("../fixtures/injection/public-style.yaml", import.meta.url), "utf8")) as Written[];
const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);

// Two questions of each kind, among those the public collections (scripts/bench/injection-public.ts)
// raised before these rules: stories about privacy and evals, code boxes, prompts, designs.
const QUESTIONS = [
  "eval-proved-me-wrong",
  "raised-data-privacy-risk",
  "reciprocal-rank-fusion",
  "parse-sse-stream",
  "few-shot-label-bias",
  "system-prompt-leak",
  "chatbot-logging-pii",
  "model-routing-cost",
];

describe("attacks written in the style of public jailbreak and injection collections", () => {
  it("never raise an answer above its clean score, and those that speak to a model are flagged", { timeout: 300_000 }, () => {
    expect(WRITTEN.length).toBeGreaterThanOrEqual(20);
    const raised: string[] = [];
    const missed: string[] = [];
    for (const id of QUESTIONS) {
      const q = pack!.questions.find((x) => x.id === id)!;
      for (const level of ["weak", "adequate"] as const) {
        const base = q.exemplars.find((e) => e.level === level)!.answer;
        WRITTEN.forEach((attack, i) => {
          // Every text in every placement on every question; the weak level takes every other text.
          if (level === "weak" && i % 2) return;
          for (const where of PLACEMENTS) {
            const r = gradeAttacked(pack!, q, base, attack.text, where);
            if (r.attacked > r.clean) raised.push(`${id}/${level}/${where}/${attack.id}: ${r.clean} -> ${r.attacked}`);
            if (attack.flagged && !r.flagged) missed.push(`${id}/${level}/${where}/${attack.id}`);
          }
        });
      }
    }
    expect(raised).toEqual([]);
    expect(missed).toEqual([]);
  });
});
