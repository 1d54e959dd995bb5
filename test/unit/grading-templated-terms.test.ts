import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { withoutTemplatedTerms } from "../../server/grading/integrity/templated-terms.js";
import { PADDED_CAP } from "../../server/grading/grade-question.js";
import { analyse, claimSentences, questionTerms, sentenceTemplates } from "../../server/grading/language/index.js";
import { relatesLikeKeyPoint } from "../../server/grading/term-relations.js";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";
import { gamingEarnsNoMoreThanWeak, WRITTEN } from "../helpers/corpora.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
const question = (id: string) => pack!.questions.find((q) => q.id === id)!;
const exemplar = (q: Question, level: string) => q.exemplars.find((e) => e.level === level)!.answer;
const grade = (q: Question, text: string, gradingExemplar?: string) => {
  const g = gradeQuestion(q, [{ text }], { pack, gradingExemplar });
  return { ...g, score: questionScore(q.rubric, g.scores), kinds: g.flags.map((f) => f.kind) };
};
type Structured = { questionId: string; kind: string; answer: string };
const STRUCTURED = parse(readFileSync(new URL("../fixtures/honest/structured.yaml", import.meta.url), "utf8")) as Structured[];

const OBSERVABILITY = question("llm-observability-guardrails-platform");
/** The outside tester's shape: subject, verb, object, purpose, an enumerating tag; the pairings mean nothing. */
const NONSENSE = [
  "A guardrail filters the prompt version to catch regressions early (case 1).",
  "The span batches the eval set to keep p95 latency low (case 2).",
  "A drift alert redacts the retention window to catch regressions early (case 3).",
  "The judge tokenises the role-based access to keep p95 latency low (case 4).",
  "A threshold masks the trace id to catch regressions early (case 5).",
  "The OpenTelemetry SDK calibrates the audit log to keep p95 latency low (case 6).",
  "A grounding check samples the token counts to catch regressions early (case 7).",
  "The human labels page the prompt injection to keep p95 latency low (case 8).",
];

describe("template nonsense: the question's terms poured into one grammatical frame", () => {
  it("earns no more than the weak exemplar, and the report says why", () => {
    const weak = exemplar(OBSERVABILITY, "weak");
    const g = grade(OBSERVABILITY, NONSENSE.join(" "));
    expect(g.score).toBeLessThanOrEqual(grade(OBSERVABILITY, weak, weak).score);
    expect(g.kinds).toContain("templated-terms");
  });

  it("without its tags, with its purposes varied, or padded to 20,000 characters it still earns nothing", () => {
    const untagged = NONSENSE.map((s, i) =>
      s.replace(/ \(case \d+\)/, "").replace(/to (catch|keep) .*\./, i % 3 ? "for the release." : "so nothing slips."),
    ).join(" ");
    expect(grade(OBSERVABILITY, untagged).score).toBe(0);
    let padded = "";
    for (let i = 0; padded.length < 20_000; i++) padded += `${NONSENSE.map((s) => s.replace(/case \d+/, `case ${i}`)).join(" ")}\n\n`;
    const g = grade(OBSERVABILITY, padded.slice(0, 20_000));
    expect(g.score).toBe(0);
    expect(g.kinds).toEqual(expect.arrayContaining(["padding", "templated-terms"]));
  });

  it("counts once when it is a minority of an honest answer: only its later fillings go", () => {
    // Half or more of the sentences naming a term, and the answer is stuffing throughout: nothing is read.
    const stuffed = withoutTemplatedTerms(OBSERVABILITY, `${exemplar(OBSERVABILITY, "adequate")}\n\n${NONSENSE.join(" ")}`);
    expect(stuffed.text).toBe("");
    const adequate = exemplar(OBSERVABILITY, "adequate");
    const text = `${adequate}\n\n${NONSENSE.slice(0, 3).join(" ")}`;
    const { text: kept, removed } = withoutTemplatedTerms(OBSERVABILITY, text);
    expect(removed).toEqual(NONSENSE.slice(1, 3));
    expect(kept).toContain(adequate);
    expect(kept).toContain(NONSENSE[0]);
  });

  it("hand-written template nonsense on eight built-in questions earns no more than each weak exemplar", () => {
    const { graded, problems } = gamingEarnsNoMoreThanWeak(pack!, "sample", [WRITTEN]);
    expect(graded).toBeGreaterThanOrEqual(8);
    expect(problems).toEqual([]);
  });
});

describe("honest answers that repeat a structure keep their evidence", () => {
  it("numbered steps, tables of cases and one line per lever, tier or feature are never flagged and score above the adequate exemplar", () => {
    const kinds = new Set(STRUCTURED.map((s) => s.kind));
    expect(kinds).toEqual(
      new Set([
        "numbered-steps",
        "table-of-cases",
        "one-line-per-lever",
        "one-line-per-tier",
        "one-line-per-feature",
        "first-then-story",
        "terse-steps",
      ]),
    );
    for (const s of STRUCTURED.filter((x) => x.kind !== "terse-steps" && x.kind !== "table-of-cases")) {
      const q = question(s.questionId);
      const g = grade(q, s.answer);
      expect(g.flags, `${s.questionId} ${s.kind}`).toEqual([]);
      expect(g.score, `${s.questionId} ${s.kind}`).toBeGreaterThan(grade(q, exemplar(q, "adequate"), exemplar(q, "adequate")).score);
    }
  });

  it("terse steps of one shape ('Step 2: we embed the chunks with the small model.') each still count", () => {
    const s = STRUCTURED.find((x) => x.kind === "terse-steps" && x.questionId === "support-chatbot-rag")!;
    const g = grade(question(s.questionId), s.answer);
    expect(g.flags).toEqual([]);
    const quotes = g.scores.find((c) => c.criterionId === "retrieval-design")!.evidence.map((e) => e.quote);
    // Chunking, embeddings and reranking are stated on three different step lines: none was counted away.
    expect(new Set(quotes.map((q) => /Step (\d)/.exec(q)?.[1])).size).toBeGreaterThanOrEqual(3);
  });
});

describe("reading a template", () => {
  const templates = (q: Question, text: string) => sentenceTemplates(analyse(text), questionTerms(q), () => false);

  it("finds the fillings of one frame, a preposition of a slot's own or a tag aside, and names the group by its first", () => {
    const t = templates(OBSERVABILITY, NONSENSE.slice(0, 3).join(" "));
    expect(t.templated).toEqual([0, 1, 2]);
    expect(new Set(t.groupOf.values())).toEqual(new Set([0]));
  });

  it("does not read two fillings, a line's label or a short frame ('X to Y') as a template", () => {
    expect(templates(OBSERVABILITY, NONSENSE.slice(0, 2).join(" ")).templated).toEqual([]);
    const steps = "Step 1: we trace every call.\nStep 2: we sample the traffic.\nStep 3: we redact the PII.";
    expect(templates(OBSERVABILITY, steps).templated).toEqual([]);
  });

  it("relates a key point by the words the question's own texts state it with, not by a purpose that fits any term", () => {
    const a = analyse(
      "PII is redacted in the SDK before it is stored in any trace. A guardrail filters the trace id to catch regressions early.",
    );
    expect(relatesLikeKeyPoint(OBSERVABILITY, a, 0)).toBe(true);
    expect(relatesLikeKeyPoint(OBSERVABILITY, a, 1)).toBe(false);
  });
});

describe("an enumerating tag is no part of a frame", () => {
  const claims = (q: Question, text: string) => claimSentences(analyse(text), questionTerms(q)).size;

  it("reads 'X really matters here (case N).' three times as one frame filled with terms", () => {
    const text =
      "The guardrail really matters here (case 1). The span really matters here (case 2). The judge really matters here (case 3).";
    expect(claims(OBSERVABILITY, text)).toBe(0);
  });

  it("keeps figures outside a tag: a list of measured values is three claims", () => {
    const q = question("rag-eval-pipeline");
    expect(claims(q, "Recall@10 is 0.82 on the gold set. MRR is 0.71 on the gold set. NDCG is 0.64 on the gold set.")).toBe(3);
  });
});

describe("padding never keeps a high score", () => {
  it("caps every criterion of a padded strong answer at level 2 and says so", () => {
    const q = question("support-chatbot-rag");
    const strong = exemplar(q, "strong");
    expect(grade(q, strong, strong).scores.some((s) => s.score > PADDED_CAP)).toBe(true);
    const g = grade(q, `${strong}\n${"This design is robust and scalable.\n".repeat(400)}`, strong);
    expect(g.kinds).toContain("padding");
    expect(g.scores.every((s) => s.score <= PADDED_CAP)).toBe(true);
    expect(g.scores.some((s) => s.feedback.includes("padded"))).toBe(true);
  });
});
