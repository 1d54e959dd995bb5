import { describe, expect, it } from "vitest";
import { valueFigures } from "../../server/grading/integrity/note-fragments.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";
import { packGrader } from "../helpers/pack-grader.js";

const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
const { graded, weakScore } = packGrader(pack!);

/**
 * Figures exempt a list from the keyword-list reading only when something says what they count (outside audit 15,
 * session 18): a bulleted list of the rubric's terms with bare figures between them ("- 1350", "- 2.1m",
 * "- 3,000,000") scored 100 unflagged, and a term line ending a weak answer with figures in it scored 82.
 */
describe("bare figures do not make a keyword list an answer", () => {
  const serving = "self-hosted-model-serving";
  const terms = ["kv cache", "per sequence", "continuous batching", "pagedattention", "prefix caching", "fp8", "headroom", "n+1"];
  const bare = ["4.2", "1,700", "218 mb", "5", "1700", "0.218", "$10,950", "730"];
  const mixed = terms.flatMap((t, i) => [t, bare[i]!]);

  it("a bulleted list of terms and bare figures is a keyword list", () => {
    const g = graded(serving, mixed.map((x) => `- ${x}`).join("\n"));
    expect(g.flags).toContain("keyword-list");
    expect(g.score).toBeLessThanOrEqual(weakScore(serving));
  });

  it("a term line with bare figures after a weak answer earns nothing", () => {
    const weak =
      "We would rent some GPUs in our own cloud and run the model there, then watch the dashboards. If it is slow we add more GPUs until it is fine.";
    const g = graded(serving, `${weak}\n\nRelevant concepts: ${mixed.join(", ")}.`);
    expect(g.flags).toContain("keyword-list");
    expect(g.score).toBeLessThanOrEqual(Math.max(weakScore(serving), graded(serving, weak).score));
  });

  it("a list marker is no minus sign, and a figure alone in its item is no value", () => {
    expect(valueFigures("- 1350\n- 2.1m\n- 3,000,000\n- 3.0m")).toBe(0);
    expect(valueFigures("1,350, 2.1m, 3,000,000, 3.0m")).toBe(0);
    expect(valueFigures("- 2.1 million")).toBe(0);
  });

  it("figures that say what they count, or that are worked out, are still values", () => {
    // "1,700", "50", "12" and "4.2"; "218 MB" is a figure and a unit apart, as it was before.
    expect(valueFigures("- 1,700 tokens per sequence\n- 218 MB each\n- 50 / 12 = 4.2")).toBe(4);
    expect(valueFigures("cost $400 a day, TTL 24h, threshold 0.95, 1,200 requests")).toBe(4);
  });

  it("an honest estimate written as notes keeps its credit", () => {
    const note = [
      "- KV cache: 1,700 tokens x 128 KB = ~218 MB per sequence",
      "- 80 GB - 16 GB weights = ~64 GB free, so ~290 sequences fit",
      "- Throughput: 50 rps peak / 12 rps per GPU = 4.2, so 5 GPUs plus 1 spare for failover",
      "- Cost: 6 GPUs x $3 x 730 h = ~$13,140 a month at peak size, fewer off-peak",
    ].join("\n");
    const g = graded(serving, note);
    expect(g.flags).not.toContain("keyword-list");
    expect(g.score).toBeGreaterThan(weakScore(serving) + 20);
  });
});

describe("a line of code in prose keeps its bare figures", () => {
  it("an assignment or a call with bare figures is no keyword list", () => {
    const serving = "self-hosted-model-serving";
    const code = [
      "Per token the cache is 2 x layers x hidden x bytes:",
      "layers, hidden, bytes_per = 32, 4096, 2",
      "per_token = 2 * layers * hidden * bytes_per  # 524,288 bytes, about 0.5 MB",
      "seqs = fit(80, 16, 1700, 0.5)",
    ].join("\n");
    expect(graded(serving, code).flags).not.toContain("keyword-list");
  });
});
