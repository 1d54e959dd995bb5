import { describe, expect, it } from "vitest";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { analyse, claimSentences } from "../../server/grading/language/index.js";
import { figureRun } from "../../server/grading/language/figure-run.js";
import { PackSchema, type Pack } from "../../server/scenarios/index.js";
import { ANCHORS } from "../helpers/one-criterion.js";

/**
 * An estimation question written for this test (outside audit: a one-sentence run of figures and
 * levers scored 100 on an estimation question). One criterion, read by the quantitative check and
 * by key points the figures and levers name.
 */
const PACK: Pack = PackSchema.parse({
  id: "estimate-pack",
  title: "Estimates",
  description: "An estimation question written for a grading test.",
  rounds: [{ id: "all", kind: "system-design", title: "All", minutes: 10, pick: 1 }],
  questions: [
    {
      id: "assistant-cost",
      kind: "system-design",
      level: "mid",
      title: "What does the assistant cost a day?",
      prompt:
        "An assistant has 10,000 users who each send 20 requests a day of about 2,000 tokens; tokens cost $0.002 per 1k. Estimate the daily bill and say how you would cut it.",
      timeGuideMinutes: 10,
      figures: [
        { id: "users", label: "Users", value: 10000, unit: "users" },
        { id: "requests", label: "Requests per user per day", value: 20, unit: "requests/day" },
        { id: "tokens", label: "Tokens per request", value: 2000, unit: "tokens" },
        { id: "price", label: "Price", value: 0.002, unit: "USD per 1k tokens" },
      ],
      rubric: [
        {
          id: "estimate",
          title: "Estimate and levers",
          weight: 1,
          description: "Requests and tokens a day, the daily bill, and levers that cut it with their effect.",
          anchors: ANCHORS,
          evidence: {
            checks: ["quantitative"],
            concepts: [
              { label: "request volume", terms: ["users", "req/day", "requests/day", "requests a day", "requests per day"] },
              { label: "token volume", terms: ["tokens"] },
              { label: "daily bill", terms: ["/day", "a day", "per day"] },
              { label: "caching", terms: ["cache"] },
              { label: "batching", terms: ["batch"] },
              { label: "a smaller model", terms: ["smaller model", "cheaper model"] },
              { label: "quantisation", terms: ["quantis", "quantiz", "4-bit", "int8"] },
            ],
            enough: 5,
          },
        },
      ],
      exemplars: [
        {
          level: "strong",
          answer:
            "10,000 users × 20 requests = 200,000 requests a day; × 2,000 tokens = 400M tokens a day; at $0.002 per 1k tokens that is $800/day. A cache that answers 30% of requests saves about $240/day, batching the offline jobs halves their price, and sending simple requests to a smaller model cuts their cost by ~60%; quantising a self-hosted model to 4-bit is the next step if we host it.",
          scores: { estimate: 4 },
        },
        {
          level: "weak",
          answer: "It will cost a fair amount every day, so I would add a cache and maybe use a cheaper model.",
          scores: { estimate: 1 },
        },
      ],
    },
  ],
});
const Q = PACK.questions[0]!;
const score = (text: string) => questionScore(Q.rubric, gradeQuestion(Q, [{ text }], { pack: PACK }).scores);
const weak = score(Q.exemplars.find((e) => e.level === "weak")!.answer);

/** Figures and levers strung one after the other, in several wordings: no reasoning relates them. */
const RUNS = [
  "10k users 20 req/day 2k tokens $0.002/1k tokens $400/day cache 30% batch 50% smaller model 60% quantise 4-bit",
  "10k users, 20 req/day, 2k tokens, $0.002/1k tokens, $800/day, cache 30%, batch 50%, smaller model 60%, quantise 4-bit",
  "Users 10,000 requests/day 200k tokens 400M cost $800/day cache -30% batch -50% smaller model -60% quantization 4-bit int8",
  "10000 users | 20 requests/day | 2000 tokens | $0.002/1k | $800/day | cache 30% | batch 50% | smaller model 60% | 4-bit",
  "10k users and 20 req/day and 2k tokens and $800/day and cache 30% and batch 50% and smaller model 60% and quantise 4-bit",
];

/** Terse but real worked estimates: operators, "at", "that's", "so" relate the figures. */
const WORKED = [
  "10k users × 20 requests = 200k requests/day; × 2k tokens = 400M tokens; at $0.002/1k that's $800/day; cache 30% and a smaller model for simple requests cut it to ~$400/day.",
  "10k users × 20 = 200k requests a day of 2k tokens, which is 400M tokens, so at $0.002 per 1k tokens the bill is $800/day. Caching 30% of requests saves $240/day, batching halves the offline share and a smaller model cuts simple requests by ~60%.",
  "Volume: 10,000 × 20 = 200,000 requests/day, 200,000 × 2,000 = 400M tokens/day. Cost: 400,000 × $0.002 = $800/day. Levers: cache repeated questions (~30%), batch the nightly jobs (50% off), route simple requests to a smaller model (~60% cheaper).",
];

describe("figures strung without reasoning are no estimate", () => {
  it.each(RUNS)("a run of figures and levers earns no more than the weak exemplar: %s", (text) => {
    expect(score(text)).toBeLessThanOrEqual(weak);
  });

  it.each(RUNS)("a run of figures is no claim: %s", (text) => {
    const a = analyse(text);
    expect(claimSentences(a).size).toBe(0);
  });

  it.each(WORKED)("a terse worked estimate keeps full credit: %s", (text) => {
    expect(score(text)).toBe(100);
  });
});

describe("figureRun reads how a sentence relates its figures", () => {
  const run = (text: string) => {
    const a = analyse(text);
    const s = a.sentences[0]!;
    return figureRun(s.text, a.tokens.slice(s.from, s.to));
  };
  it("sentences that relate their figures are not runs", () => {
    // A latency breakdown says what it adds up to; a story's figures hang on a clause.
    expect(
      run(
        "Latency p95: group resolution 30 ms (cached), query embedding 50 ms, hybrid search 150 ms, rerank 200 ms → ~1.35 s, then streaming.",
      ),
    ).toBe(false);
    expect(run("Then I went back through our monthly eval results: 71%, 76%, 78%, 79%, 79%.")).toBe(false);
    expect(run("All frontier: 300k × $0.0165 ≈ $4,950 a day, ~$149k a month; all cheap ~$9k a month.")).toBe(false);
    expect(run("We serve 10k users who send 20 requests a day, 2k tokens each, which costs $800 a day.")).toBe(false);
  });
  it("fewer than four figures are a note, never a run", () => {
    expect(run("Cache 30%, batch 50%, smaller model 60%.")).toBe(false);
  });
  it("figures with only labels and units between them are a run", () => {
    expect(run("p50 120 ms p95 480 ms 3.2k req/s $0.004/request 99.9% uptime")).toBe(true);
    expect(run("cost $800/day, cache 30%, batch 50%, smaller model 60%, 4-bit")).toBe(true);
  });
});
