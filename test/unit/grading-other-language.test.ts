import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { gradeQuestion } from "../../server/grading/index.js";
import { otherLanguage } from "../../server/grading/language/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

type Row = { questionId: string; language: string; answer: string };
const ROWS = parse(readFileSync(new URL("../fixtures/honest/other-language.yaml", import.meta.url), "utf8")) as Row[];
const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
const q = (id: string) => pack!.questions.find((x) => x.id === id)!;

// An answer in another language is graded or reported not graded ("other-language"), never flagged: the checks for
// text that earns nothing count English words and English glue. A German label list was flagged a keyword list
// line by line and scored 0; Polish was not recognised at all (its lower-case "i" counted as English).
describe("answers in another language", () => {
  it("are never flagged, in German, Spanish, Italian, Dutch, Portuguese and Polish, English terms mixed in", () => {
    expect(new Set(ROWS.map((r) => r.language)).size).toBe(6);
    const flagged = ROWS.flatMap((r) =>
      gradeQuestion(q(r.questionId), [{ text: r.answer }], { pack }).flags.map((f) => `${r.language}: ${f.kind} ${f.quote}`),
    );
    expect(flagged).toEqual([]);
  });

  it("written as prose are reported not graded, not scored 0", () => {
    const prose = ROWS.filter((r) => !/^\s*-|\n\s*-/.test(r.answer));
    const scored = prose.filter(
      (r) => !gradeQuestion(q(r.questionId), [{ text: r.answer }], { pack }).scores.some((s) => s.notGraded === "other-language"),
    );
    expect(scored.map((r) => `${r.language}: ${r.answer.slice(0, 60)}`)).toEqual([]);
  });

  it("a sentence of prose and then bullets of nouns reads as the prose's language: bullets show no language of their own", () => {
    for (const text of [
      "Ich würde die Artikel in Abschnitte aufteilen und beim Veröffentlichen neu indexieren.\n- Hybride Suche: BM25 plus Embeddings\n- Reranking der Top 50 mit einem Cross-Encoder\n- Quellen zitieren, bei Unsicherheit an einen Menschen übergeben\n- Evaluation: Golden Set aus echten Tickets, Recall@5 messen",
      "Dividiría los artículos por secciones y los volvería a indexar cada vez que se publican.\n- Búsqueda híbrida: BM25 y embeddings\n- Reranking de los 50 primeros\n- Citas por frase\n- Golden set de tickets reales, medir recall@5",
    ]) {
      expect(otherLanguage(text), text).toBe(true);
      const graded = gradeQuestion(q("support-chatbot-rag"), [{ text }], { pack });
      expect(graded.flags).toEqual([]);
      expect(graded.scores.every((s) => s.notGraded === "other-language")).toBe(true);
    }
    // An English answer with bullets of nouns stays English.
    expect(
      otherLanguage("I would split articles by heading and re-index on publish.\n- Hybrid search\n- Reranking\n- Citations\n- Golden set"),
    ).toBe(false);
  });

  it("English stays English: a lower-case 'i', single letters and borrowed words do not make it foreign", () => {
    for (const text of [
      "i think we should cache per user and invalidate on write, because the data changes often and stale reads hurt.",
      "We added a z-score check on the latency of each request, and the team moved the w/ retries path to the queue.",
      "The den of the old service was the bei cache, and we kept the zu flag on for a week before removing it entirely.",
    ])
      expect(otherLanguage(text), text).toBe(false);
    // A keyword list in English is still one.
    const rag = q("support-chatbot-rag");
    const terms = rag.rubric.flatMap((c) => c.evidence.concepts.map((k) => k.terms[0]!));
    expect(gradeQuestion(rag, [{ text: terms.join(", ") }], { pack }).flags.map((f) => f.kind)).toContain("keyword-list");
  });
});
