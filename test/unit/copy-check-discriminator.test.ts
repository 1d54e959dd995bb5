import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { prepareAnswer } from "../../server/grading/index.js";
import { buildCopyIndex, vocabularyCopy } from "../../server/grading/integrity/copy-index.js";
import { loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import { copyVariants } from "../helpers/copies.js";
import { oneCriterionPack } from "../helpers/one-criterion.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

/**
 * The copy check tells a copy of a model answer from an expert's own answer that makes the same points:
 * figures, units, the question's words and the rubric's terms are shared by every right answer, so they
 * count on neither side; the words an answer chose itself decide (outside audit: four genuine 4/4 answers,
 * a terse cost estimate and note-style rewrites, were set aside whole as copies).
 */
const copied = (pack: Pack, text: string, questionId?: string) => {
  const q = questionId ? pack.questions.find((x) => x.id === questionId)! : pack.questions[0]!;
  const prepared = prepareAnswer(q, [{ text }], { pack });
  return { flagged: prepared.flags.some((f) => f.kind === "copied-model-answer"), kept: prepared.evidence.prose };
};

const COST_STRONG =
  "Input: 12,000 x 9,000 = 108M tokens a day x 0.50 USD/1M = 54 USD a day. Output: 12,000 x 500 = 6M tokens x 2.00 = 12 USD a day. Total 66 USD a day, x 30 = about 1,980 USD a month. Left out: the system prompt sent with every call, retries, long meetings over the context window that need map-reduce, and growth in usage. To cut it: batch API at half price, trim filler and small talk from transcripts, summarise only when someone opens the meeting, and a smaller model for short calls.";
const costPack = oneCriterionPack({
  id: "meeting-summary-cost",
  prompt:
    "We summarise 12,000 meetings a day. A transcript averages 9,000 tokens and a summary 500 tokens; input costs 0.50 USD and output 2.00 USD per 1M tokens. Estimate the daily and monthly cost, say what the estimate leaves out, and how you would cut it.",
  concepts: [
    { label: "daily cost", terms: ["66", "a day", "per day", "/day"] },
    { label: "monthly cost", terms: ["1,980", "a month", "/mo"] },
    { label: "what is left out", terms: ["system prompt", "retries", "context window"] },
    { label: "levers", terms: ["batch", "smaller model", "trim"] },
  ],
  exemplars: [
    { level: "strong", answer: COST_STRONG, score: 4 },
    { level: "weak", answer: "It would cost a few hundred dollars, depending on the model.", score: 0 },
  ],
});

const PII_STRONG =
  "Before the call, redact: regex + NER (Presidio) for names, emails, phone and card numbers, with a Luhn check so only real card numbers go, each replaced by typed placeholders like [EMAIL_1] so the model still knows what was there. Keep the mapping server-side to restore values in the reply if the agent needs them. After the call, scan the output with the same detectors and block anything that leaks. Seed canaries, fake records with known values, into test tickets and alert if a canary ever appears in a prompt log or a response. Measure recall of the redaction on a labelled sample every release.";
const piiPack = oneCriterionPack({
  id: "ticket-redaction",
  prompt: "Support tickets go to an LLM for triage. How do you keep personal data out of the prompts and the logs?",
  concepts: [
    { label: "detect before sending", terms: ["regex", "ner", "presidio", "luhn", "card numbers"] },
    { label: "typed placeholders", terms: ["typed placeholders", "placeholder", "mapping"] },
    { label: "output scanned", terms: ["scan the output", "same detectors", "block"] },
    { label: "canaries", terms: ["canary", "canaries", "fake records"] },
    { label: "redaction measured", terms: ["recall", "labelled sample"] },
  ],
  exemplars: [
    { level: "strong", answer: PII_STRONG, score: 4 },
    { level: "weak", answer: "Tell the model not to repeat personal data.", score: 0 },
  ],
});

describe("an expert's own answer that makes the model answer's points is not a copy", () => {
  it("terse and full cost estimates repeating the given figures and the derived results", () => {
    for (const text of [
      "108M in/day -> $54; 6M out -> $12; $66/day ~ $1,980/mo. Excludes system-prompt tokens, retries, meetings over the context window needing map-reduce, growth. Cut: batch API (~50% off), strip filler/small talk, summarise only when someone opens the meeting, smaller model for short calls.",
      "12,000 × 9,000 = 108M input tokens/day → $54; 12,000 × 500 = 6M output → $12; so $66/day, ≈ $1,980 a month. Not counted: the system prompt on each request, retries after failures, meetings too long for the context window (chunk and merge), more customers. Cheaper: batch endpoint at half price, drop filler and small talk before sending, generate lazily when someone opens the meeting, route short calls to a smaller model.",
      "Daily: 108M tokens in at $0.50/1M is $54, 6M out at $2/1M is $12, total $66; monthly about $1,980. Missing from it: system-prompt overhead, retried calls, transcripts past the context window that need map-reduce, growth. Savings: the batch API halves it, stripping filler shrinks input, summarising on demand skips meetings nobody opens, short calls can use a smaller model.",
    ])
      expect(copied(costPack, text).flagged, text).toBe(false);
  });

  it("note-style rewrites naming the same specific points in other sentences and order", () => {
    for (const text of [
      "Pre-send scrub: regex + NER (Presidio) → typed placeholders ([EMAIL_1], [CARD_1]); Luhn to confirm card numbers, mapping kept on our side. Post-send: same detectors over the model output, block on a hit. Canaries: fake people with known values planted in test tickets; alert if one shows up in logs or responses. Track redaction recall per release on labelled tickets.",
      "Pre-send: regex + NER (Presidio) for names, emails, phones, card numbers (Luhn to drop false card hits) -> typed placeholders ([EMAIL_1]); mapping stays server-side so the reply can restore values for the agent. Post-send: same detectors on the output, block leaks. Canaries: fake records with known values in test tickets; alert if one appears in a response or prompt log. Redaction recall on a labelled sample each release.",
      "Canaries first: plant fake customers in test tickets and page someone if their values ever reach a log or a reply. Detection is regex plus NER (Presidio), Luhn-checked for card numbers, and every hit becomes a typed placeholder so the model keeps the meaning; we hold the mapping and restore values only when the agent needs them. The output goes through the same detectors, blocked on any match, and redaction recall is measured on a labelled sample every release.",
    ])
      expect(copied(piiPack, text).flagged, text).toBe(false);
  });

  it("the expert rewrites of built-in questions, terse or in paragraphs, keep every paragraph", () => {
    const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
    const rows = parse(readFileSync(new URL("../fixtures/honest/expert-rewrites.yaml", import.meta.url), "utf8")) as {
      questionId: string;
      answer: string;
    }[];
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const { questionId, answer } of rows) expect(copied(pack!, answer, questionId).flagged, questionId).toBe(false);
  });
});

describe("copies of a model answer are still set aside", () => {
  const synonyms = (t: string) =>
    t
      .replace(/\bcut\b/g, "reduce")
      .replace(/\btrim\b/g, "remove")
      .replace(/\blong\b/g, "lengthy")
      .replace(/\bonly\b/g, "solely");
  const words = COST_STRONG.split(/\s+/);

  it("the cost exemplar edited, shuffled, misspelt or mixed with the rubric's terms", () => {
    for (const text of [
      COST_STRONG,
      synonyms(COST_STRONG),
      words.filter((_, i) => i % 6 !== 2).join(" "),
      [...words].reverse().join(" "),
      COST_STRONG.replace(/\bmeetings\b/g, "meetnigs")
        .replace(/\bfiller\b/g, "fillre")
        .replace(/\bcontext\b/g, "cnotext"),
      COST_STRONG.replace(/\. /g, " (batch, smaller model, trim). "),
      `${COST_STRONG} This matters a lot in practice and it is worth getting right.`,
    ])
      expect(copied(costPack, text).flagged, text).toBe(true);
  });

  it("the note-style exemplar with sentences reordered and words swapped", () => {
    const sentences = PII_STRONG.split(/(?<=\.)\s+/);
    for (const text of [
      [...sentences].reverse().join(" "),
      PII_STRONG.replace(/\bblock\b/g, "stop")
        .replace(/\bKeep\b/g, "Hold")
        .replace(/\bMeasure\b/g, "Track"),
      sentences.filter((_, i) => i !== 2).join(" "),
    ])
      expect(copied(piiPack, text).flagged, text).toBe(true);
  });

  it("on built-in questions, every mechanical copy the gaming corpus makes, and only the copied paragraph of a partial copy", () => {
    const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
    const MUST = new Set([
      "verbatim",
      "sentences reordered",
      "word-shuffled strong answer",
      "sentence-wise shuffled strong answer",
      "lightly edited strong answer",
      "strong answer with every sixth word dropped",
      "every third sentence dropped",
      "filler sentences added",
      "rubric terms mixed in",
      "copied paragraph after an honest one",
    ]);
    // A question of each kind answered in prose; all of them: npx tsx scripts/eval/copy-check.ts.
    for (const id of ["cut-llm-costs", "call-summary-leaks-pii", "system-prompt-leak", "ticket-summaries", "model-routing-cost"]) {
      const q = pack!.questions.find((x) => x.id === id)!;
      for (const v of copyVariants(q).filter((c) => MUST.has(c.kind))) {
        const result = copied(pack!, v.text, id);
        expect(result.flagged, `${id}: ${v.kind}`).toBe(true);
        if (v.own) expect(result.kept, `${id}: ${v.kind}`).toContain(v.own);
      }
    }
  });
});

describe("vocabularyCopy reads the words a text chose", () => {
  const source =
    "We cache embeddings keyed by a hash of the normalised text, evict the least recently used entry when full, expire entries after a day, and warm the cache from yesterday's most frequent queries so the morning peak starts with hits; misses fall through to the provider.";
  const index = buildCopyIndex([source]);
  const none = new Set<number>();

  it("a model answer's words with letters swapped or changed count as its words", () => {
    const misspelt = source
      .replace("embeddings", "embeddigns")
      .replace("normalised", "normalsied")
      .replace("frequent", "freqeunt")
      .replace("provider", "provoder")
      .replace("expire", "exipre");
    expect(vocabularyCopy(index, misspelt, none)).not.toBeNull();
  });

  it("a different word of another length, or a word the question gives, is the text's own", () => {
    const given = new Set(["cache", "embeddings", "queries", "provider", "hits", "misses"]);
    const rewrite =
      "Cached vectors are looked up by hashing the cleaned string; the oldest unused ones are dropped at capacity, each lives twenty-four hours, and a nightly job preloads popular queries before the rush, sending misses to the provider.";
    expect(vocabularyCopy(index, rewrite, none, (w) => given.has(w))).toBeNull();
    // The same text with the question's words counted as its own choice is not enough to call it a copy either.
    expect(vocabularyCopy(index, rewrite, none)).toBeNull();
  });

  it("figures are no evidence: an answer of the model answer's figures and few words of its own is not judged", () => {
    const figures = buildCopyIndex([
      "12,000 x 9,000 = 108M tokens a day, 54 USD; 12,000 x 500 = 6M tokens, 12 USD; 66 USD a day, 1,980 USD a month, 23,760 USD a year at 0.50 and 2.00 USD per 1M tokens, 30 days a month.",
    ]);
    expect(
      vocabularyCopy(
        figures,
        "108M tokens/day: $54. 6M tokens: $12. $66/day, $1,980/month, $23,760/year; 30 days a month at 0.50 and 2.00 USD per 1M.",
        none,
      ),
    ).toBeNull();
  });
});
