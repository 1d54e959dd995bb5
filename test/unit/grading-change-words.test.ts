import { describe, expect, it } from "vitest";
import { conceptCoverage } from "../../server/grading/index.js";
import { analyse } from "../../server/grading/language/analyse.js";
import { changePhraseAt, sameDirectionWords } from "../../server/grading/language/change-words.js";
import { gradeOne, oneCriterionPack, singleTermCriterion } from "../helpers/one-criterion.js";

const shown = (terms: string[], answer: string) => conceptCoverage(singleTermCriterion(...terms), answer).hits.map((h) => h.label);

describe("a change of amount said in other words (language/change-words.ts)", () => {
  it("reads another single word of the same direction as the key point", () => {
    expect(shown(["decrease"], "The collision domain diameter shrinks by a factor of ten.")).toEqual(["decrease"]);
    expect(shown(["decrease"], "The diameter is reduced to a tenth of what it was.")).toEqual(["decrease"]);
    expect(shown(["reduce"], "Caching the prefix makes the bill dwindle.")).toEqual(["reduce"]);
    expect(shown(["increase"], "Token spend balloons once the agent retries every step.")).toEqual(["increase"]);
    expect(shown(["cost growth"], "The cost rises with every extra call.")).toEqual(["cost growth"]);
    expect(shown(["latency increase"], "Latency climbs as the context gets longer.")).toEqual(["latency increase"]);
  });

  it("reads a two- or three-word change in the same direction", () => {
    expect(shown(["cost growth"], "With every retry our costs pile up fast.")).toEqual(["cost growth"]);
    expect(shown(["cost growth"], "The cost goes up with every loop.")).toEqual(["cost growth"]);
    expect(shown(["increase"], "The bill keeps going up with every loop.")).toEqual(["increase"]);
    expect(shown(["decrease"], "The maximum distance gets much smaller.")).toEqual(["decrease"]);
    expect(shown(["decrease"], "Once we cache, the p95 comes down.")).toEqual(["decrease"]);
    expect(shown(["increase"], "The queue becomes longer every minute.")).toEqual(["increase"]);
    expect(shown(["reduce"], "Batching brings down the spend.")).toEqual(["reduce"]);
  });

  it("never reads the other direction, a denied change, or another act with the same particle", () => {
    expect(shown(["decrease"], "The collision domain diameter grows by a factor of ten.")).toEqual([]);
    expect(shown(["decrease"], "The diameter gets bigger.")).toEqual([]);
    expect(shown(["increase"], "The diameter grows smaller at higher speeds.")).toEqual([]);
    expect(shown(["increase"], "The error rate does not go up after the change.")).toEqual([]);
    expect(shown(["decrease"], "The diameter does not shrink.")).toEqual([]);
    expect(shown(["increase"], "We set up a cache and look up each key.")).toEqual([]);
    expect(shown(["increase"], "The numbers add up and the demo blows up.")).toEqual([]);
    expect(shown(["decrease"], "The service breaks down and we shut down the node.")).toEqual([]);
    // "more" before a word is that word's degree, not an amount that grew.
    expect(shown(["increase"], "The model gets more expensive to serve.")).toEqual([]);
  });

  it("reads a two-word point of a change the other way round, and by a comparative of its direction", () => {
    expect(shown(["cost growth"], "Growing costs are the main risk of an unbounded agent.")).toEqual(["cost growth"]);
    expect(shown(["cost growth"], "Every extra loop means higher costs.")).toEqual(["cost growth"]);
    expect(shown(["cost growth"], "Costs are going up month on month.")).toEqual(["cost growth"]);
    expect(shown(["cost growth"], "Our costs keep rising.")).toEqual(["cost growth"]);
    expect(shown(["cost growth"], "Costs continue to grow while it retries.")).toEqual(["cost growth"]);
    expect(shown(["reduce latency"], "With a prefix cache the latency is reduced.")).toEqual(["reduce latency"]);
    expect(shown(["reduce latency"], "Streaming gives lower latency for the first token.")).toEqual(["reduce latency"]);
    expect(shown(["reduce latency"], "With the cache, latency goes down.")).toEqual(["reduce latency"]);
    expect(shown(["error reduction"], "The validator means fewer errors reach users.")).toEqual(["error reduction"]);
  });

  it("keeps polarity and direction in those readings, and leaves a compound alone", () => {
    expect(shown(["cost growth"], "Costs have not gone up since the cache.")).toEqual([]);
    expect(shown(["cost growth"], "Costs do not keep rising once the budget holds.")).toEqual([]);
    expect(shown(["cost growth"], "Costs keep shrinking after the change.")).toEqual([]);
    expect(shown(["cost growth"], "The batch API gives lower costs.")).toEqual([]);
    expect(shown(["cost growth"], "The batch API is more cost-effective.")).toEqual([]);
    expect(shown(["reduce latency"], "Latency isn't reduced by the cache.")).toEqual([]);
    expect(shown(["reduce latency"], "The reranker adds higher latency.")).toEqual([]);
    expect(shown(["reduce latency"], "Latency grows with the prompt.")).toEqual([]);
  });

  it("leaves words that name other acts out of the list", () => {
    for (const word of ["raise", "drop", "cut", "fall", "decline", "lower", "double", "expand", "divide"]) {
      expect(sameDirectionWords("increase"), word).not.toContain(word);
      expect(sameDirectionWords("decrease"), word).not.toContain(word);
    }
    expect(shown(["increase"], "The handler raises an exception.")).toEqual([]);
    expect(shown(["reduce"], "We drop the request and cut the text into chunks.")).toEqual([]);
    expect(sameDirectionWords("latency")).toEqual([]);
  });

  it("reads a bounded phrase: at most four tokens from its verb", () => {
    const a = analyse("It gets much much much much smaller.");
    expect(changePhraseAt(a.tokens, 1, -1)).toBe(0);
    const b = analyse("It gets a lot smaller.");
    expect(changePhraseAt(b.tokens, 1, -1)).toBe(4);
  });

  it("grades a plain-word paraphrase of a change level with the reference's own word, above the opposite", () => {
    const pack = oneCriterionPack({
      prompt: "What happens to an agent's spend when it runs with no step budget?",
      concepts: [{ label: "cost growth", terms: ["cost growth"] }],
      exemplars: [{ level: "strong", answer: "Cost growth: every extra loop is another paid call.", score: 4 }],
    });
    const own = gradeOne(pack, "Cost growth: each extra loop is one more paid call.");
    const plain = gradeOne(pack, "The costs pile up, since each extra loop is one more paid call.");
    const opposite = gradeOne(pack, "The costs shrink, since each extra loop is one more paid call.");
    expect(plain.criterion.score).toBe(own.criterion.score);
    expect(plain.score).toBeGreaterThan(opposite.score);
  });
});
