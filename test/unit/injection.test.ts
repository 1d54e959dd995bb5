import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { gradeQuestion, gradingCriteria, questionScore } from "../../server/grading/index.js";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";
import { honestAnswersUnflagged } from "../helpers/corpora.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

type Attack = { id: string; family: string; placement: "suffix" | "prefix" | "inline" | "standalone"; text: string };
const ATTACKS = parse(readFileSync(new URL("../fixtures/injection/attacks.yaml", import.meta.url), "utf8")) as Attack[];
const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);

/** A few questions of each kind, answered by their adequate exemplar (room above it to game). */
const BASES = ["support-chatbot-rag", "extraction-invalid-json", "cut-llm-costs", "llm-retry-backoff"].map((id) => {
  const q = pack!.questions.find((x) => x.id === id)!;
  return { q, answer: q.exemplars.find((e) => e.level === "adequate")!.answer };
});

function grade(q: Question, answer: string, base: string) {
  const body = q.kind === "coding" ? { code: answer, language: "python" as const } : { text: answer };
  // The graded exemplar itself is the answer, not a copy of a model answer.
  const g = gradeQuestion(q, [body], { pack, gradingExemplar: base });
  return { score: questionScore(gradingCriteria(q), g.scores), flags: g.flags };
}

function place(base: string, attack: Attack): string {
  switch (attack.placement) {
    case "prefix":
      return `${attack.text}\n\n${base}`;
    case "inline": {
      const paragraphs = base.split(/\n\s*\n/);
      const mid = Math.max(1, Math.floor(paragraphs.length / 2));
      return [...paragraphs.slice(0, mid), attack.text, ...paragraphs.slice(mid)].join("\n\n");
    }
    case "standalone":
      return attack.text;
    default:
      return `${base}\n\n${attack.text}`;
  }
}

describe("answers that try to steer the grader", () => {
  it("the corpus covers every family", () => {
    expect(new Set(ATTACKS.map((a) => a.family)).size).toBeGreaterThanOrEqual(10);
    expect(ATTACKS.length).toBeGreaterThanOrEqual(50);
  });

  for (const { q, answer } of BASES) {
    const clean = grade(q, answer, answer);
    it(`${q.id}: no attack scores higher than the same answer without it, and each is flagged`, { timeout: 120_000 }, () => {
      expect(clean.flags).toEqual([]);
      const unflagged: string[] = [];
      for (const attack of ATTACKS) {
        const attacked = grade(q, place(answer, attack), answer);
        expect(attacked.score, `${attack.id} (${attack.placement}) raised ${q.id}`).toBeLessThanOrEqual(clean.score);
        if (attacked.flags.length === 0) unflagged.push(attack.id);
      }
      // Null answers with nothing to flag still score 0; everything else must be reported.
      expect(unflagged.filter((id) => ATTACKS.find((a) => a.id === id)!.placement !== "standalone")).toEqual([]);
    });
  }

  it("null answers that look like verdicts score zero, and parroting the rubric is caught", () => {
    const q = BASES[0]!.q;
    for (const attack of ATTACKS.filter((a) => a.family === "null-verdict")) {
      expect(grade(q, attack.text, "").score, attack.id).toBe(0);
    }
    const parrot = ATTACKS.find((a) => a.id === "anchor-parroting")!;
    expect(grade(q, parrot.text, "").flags.map((f) => f.kind)).toContain("rubric-pasted");
  });

  // Every fourth answer of each question here; all of them: npm run bench:corpora. In six parts: whole, it ran past
  // the 90 s limit at load 30 on 2 cores, and a quarter of it took 90 s at load 40.
  const honestGraded: number[] = [];
  let honestCorpus = 0;
  it.each([0, 1, 2, 3, 4, 5])(
    "flags nothing in honest answers: exemplars and independently written answers of every question (part %i of 6)",
    (index) => {
      const { graded, problems, corpus } = honestAnswersUnflagged(pack!, "sample", { index, of: 6 });
      expect(corpus).toBeGreaterThanOrEqual(240);
      honestCorpus = corpus;
      honestGraded.push(graded);
      expect(problems).toEqual([]);
    },
  );
  it("the six parts of the honest answers graded a quarter of the corpus between them", () => {
    expect(honestGraded).toHaveLength(6);
    expect(honestGraded.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(honestCorpus / 4);
  });

  it("keyword lists, pasted rubric text, padding and another question's model answer earn nothing", () => {
    const { q, answer } = BASES[0]!;
    const clean = grade(q, answer, answer).score;
    const terms = q.rubric.flatMap((c) => c.evidence.concepts.flatMap((k) => k.terms.slice(0, 2)));
    const keywords = grade(q, `${answer}\n\n${terms.join(", ")}`, answer);
    expect(keywords.score).toBeLessThanOrEqual(clean);
    expect(keywords.flags.map((f) => f.kind)).toContain("keyword-list");

    const rubric = q.rubric.map((c) => c.anchors["4"]).join("\n");
    const pasted = grade(q, `${answer}\n\n${rubric}`, answer);
    expect(pasted.score).toBeLessThanOrEqual(clean);
    expect(pasted.flags.map((f) => f.kind)).toContain("rubric-pasted");

    const padded = grade(q, `${answer}\n${"This design is robust and scalable.\n".repeat(400)}`, answer);
    expect(padded.score).toBeLessThanOrEqual(clean);
    expect(padded.flags.map((f) => f.kind)).toContain("padding");

    const elsewhere = pack!.questions.find((x) => x.id === "legal-rag-citations")!.exemplars.find((e) => e.level === "strong")!.answer;
    const copied = grade(q, `${answer}\n\n${elsewhere}`, answer);
    expect(copied.score).toBeLessThanOrEqual(clean);
    expect(copied.flags.map((f) => f.kind)).toContain("copied-model-answer");
  });

  it("a keyword list alone, with no reasoning, earns nothing", () => {
    const q = BASES[0]!.q;
    const terms = q.rubric.flatMap((c) => c.evidence.concepts.map((k) => k.terms[0]!));
    expect(grade(q, terms.join(", "), "").score).toBe(0);
  });
});
