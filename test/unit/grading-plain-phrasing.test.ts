import { describe, expect, it } from "vitest";
import { loadPacksFromDir, type Pack, type Question } from "../../server/scenarios/index.js";
import { gradeQuestion } from "../../server/grading/index.js";
import { questionScore } from "../../server/grading/aggregate.js";
import { statedInPlainPhrasing } from "../../server/grading/plain-phrasing.js";
import { domainConcepts, linkedConcepts } from "../../server/grading/language/domain-lexicon/index.js";
import { analyse, claimSentences, questionTerms } from "../../server/grading/language/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";
import { PARAPHRASES } from "../fixtures/paraphrase/ai-engineer.js";
import { LEXICON_HELDOUT } from "../fixtures/paraphrase/lexicon-heldout.js";

const pack = loadPacksFromDir(BUILTIN_PACKS_DIR).find((p) => p.id === "ai-engineer")!;
const plainWords = loadPacksFromDir("test/fixtures/packs/plain-words")[0]!;
const question = (id: string, from: Pack = pack): Question => from.questions.find((q) => q.id === id)!;

/** The key points (labels) an answer states in a lexicon concept's plain words. */
function phrased(q: Question, text: string): string[] {
  const a = analyse(text);
  return [...statedInPlainPhrasing(q, a, new Set(claimSentences(a, questionTerms(q)))).keys()].map((k) => k.split("\u0000")[1]!);
}
const total = (q: Question, from: Pack, text: string, exemplar = false) =>
  questionScore(q.rubric, gradeQuestion(q, [{ text }], { pack: from, ...(exemplar ? { gradingExemplar: text } : {}) }).scores);

describe("the domain lexicon (grading/language/domain-lexicon)", () => {
  it("loads: ids unique, every sister known, every phrasing two slots or more", () => {
    const concepts = domainConcepts();
    expect(concepts.length).toBeGreaterThanOrEqual(150);
    for (const c of concepts) for (const p of c.patterns) expect(p.slots.length, `${c.id}: ${p.source}`).toBeGreaterThanOrEqual(2);
  });

  it("links a key point by its terms, not by a word of its label", () => {
    expect(linkedConcepts(["idempot", "double refund"]).map((c) => c.id)).toContain("idempotency");
    // "narrow judge design" asks for a binary, few-shot judge: using a judge at all is not it.
    expect(linkedConcepts(["binary", "few-shot", "per criterion", "rubric"]).map((c) => c.id)).not.toContain("llm-judge");
  });
});

describe("a key point stated in its concept's plain words (grading/plain-phrasing.ts)", () => {
  it("credits the hand-written plain-word answers of the built-in pack", () => {
    let own = 0;
    for (const p of PARAPHRASES.filter((x) => !x.heldApart)) if (phrased(question(p.question), p.answer).includes(p.label)) own++;
    // Measured at session 13: 17 of the 22 tuning cases through the lexicon alone (19 with paraphrase.ts and the
    // terms); the held-apart sets are reported in docs/grading-history.md, Session 13, "lexicon" and never asserted.
    expect(own).toBeGreaterThanOrEqual(16);
  });

  it("credits a concept of a pack it was not written against", () => {
    const q = question("chat-latency", plainWords);
    expect(phrased(q, "We show the words on screen as the model produces them, so people start reading at once.")).toEqual(["streaming"]);
  });

  it("does not credit the phrasing denied, nor its opposite direction", () => {
    const q = question("llm-gateway-multitenant");
    expect(phrased(q, "We do not try the call again, and we never wait longer between attempts.")).toEqual([]);
    const canary = question("support-chatbot-rag");
    expect(phrased(canary, "We never turn the new bot on for a small share of customers first.")).not.toContain("staged rollout");
  });

  it("reads a sentence that also says a sister concept as a contrast", () => {
    const q = question("summary-evals", plainWords);
    const alone = "The grading model tends to prefer whichever summary it reads first, which we check every week.";
    expect(phrased(q, alone)).toEqual(["position bias"]);
    // Length bias is position bias's sister: a sentence saying both states the contrast, not one of them.
    expect(phrased(q, "The grading model tends to prefer whichever summary it reads first and also prefers longer summaries.")).toEqual([]);
  });

  it("gives a list or a one-sentence salad of phrasings nothing", () => {
    const q = question("support-chatbot-rag");
    const list = [
      "- small share of traffic first",
      "- fixed list of questions with known answers",
      "- smaller pieces along headings",
      "- conversation passed to a person",
      "- stronger model re-orders the hits",
    ].join("\n");
    const salad =
      "We send a small share of traffic to the new version first and cut the articles into smaller pieces along their headings and keep a fixed list of questions with known answers and pass the conversation to a person.";
    expect(phrased(q, list)).toEqual([]);
    expect(phrased(q, salad)).toEqual([]);
    const weak = total(q, pack, q.exemplars.find((e) => e.level === "weak")!.answer, true);
    for (const text of [list, salad]) expect(total(q, pack, text)).toBeLessThanOrEqual(weak);
  });

  it("gives a template of phrasings, one frame per point, no more than the weak exemplar", () => {
    const q = question("support-chatbot-rag");
    const template = [
      "we send a small share of traffic to the new version first",
      "we keep a fixed list of questions with known answers",
      "we cut articles into smaller pieces along their headings",
      "we pass the conversation to a person",
      "a stronger model re-orders the hits",
    ]
      .map((s) => `We always make sure that ${s}.`)
      .join(" ");
    expect(phrased(q, template)).toEqual([]);
    const weak = total(q, pack, q.exemplars.find((e) => e.level === "weak")!.answer, true);
    expect(total(q, pack, template)).toBeLessThanOrEqual(weak);
  });

  it("credits the same phrasings said as a design, one point a sentence", () => {
    const q = question("support-chatbot-rag");
    const design =
      "We cut each article into smaller pieces along its headings. Before launch we keep a fixed list of a few hundred questions with known answers and run every change against it. Then we turn the new bot on for a small share of customers first.";
    expect(phrased(q, design).sort()).toEqual(["chunking by structure", "golden eval set", "staged rollout"]);
  });
});

describe("the held-apart plain-word answers (test/fixtures/paraphrase/lexicon-heldout.ts)", () => {
  // Their credit is measured and reported (docs/grading-history.md, Session 13, "lexicon"), never asserted: they are not tuned on.
  it("name a real key point each, without any of its terms", () => {
    for (const p of LEXICON_HELDOUT) {
      const k = question(p.question, p.pack ? plainWords : pack)
        .rubric.find((r) => r.id === p.criterion)!
        .evidence.concepts.find((x) => x.label === p.label);
      expect(k, p.label).toBeDefined();
      expect(
        k!.terms.filter((t) => p.answer.toLowerCase().includes(t.toLowerCase())),
        p.label,
      ).toEqual([]);
    }
  });
});
