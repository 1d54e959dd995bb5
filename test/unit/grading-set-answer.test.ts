import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gradeQuestion } from "../../server/grading/index.js";
import {
  analyse,
  answersAsSet,
  claimOptionsFor,
  claimSentences,
  otherLanguage,
  questionTerms,
  setQuestion,
} from "../../server/grading/language/index.js";
import type { SetQuestion } from "../../server/grading/language/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { packGrader } from "../helpers/pack-grader.js";
import { keyPointQuestion } from "../helpers/one-criterion.js";

/**
 * Session 12, branch `shortlists`: a short list of the things a question asks for IS its answer ("retries with
 * backoff, idempotency keys, timeouts" to "how do you make the tool call robust?"), and a labelled list whose label
 * names what its items belong to ("Per call span: trace id, prompt version, ...") is a terse answer, not a keyword
 * list. A dump of the rubric's terms still earns nothing. Fixture: test/fixtures/terse/set-answers.yaml; its `held`
 * rows are the held-apart check, reported in docs/grading-history.md, Session 12, "shortlists" and not asserted here.
 */
const [pack] = loadPacksFromDir("scenarios");
type Row = { questionId: string; split: "tune" | "held"; side: "earns" | "dump"; answer: string };
const rows = (parse(readFileSync(new URL("../fixtures/terse/set-answers.yaml", import.meta.url), "utf8")) as Row[]).filter(
  (r) => r.split === "tune",
);
const { question, graded, weakScore } = packGrader(pack!);

/** Two criteria, the second with two key points; the question asks how. */
const SET: SetQuestion = setQuestion(
  keyPointQuestion(
    "robust-tool-call",
    "How do you make the tool call robust?",
    [
      { label: "retries with backoff", terms: ["backoff", "retry", "retries"] },
      { label: "idempotent calls", terms: ["idempoten", "dedupe"] },
      { label: "timeouts", terms: ["timeout", "deadline"] },
    ],
    "Retry with exponential backoff, make every write idempotent with a key, and put a timeout on each call.",
  ),
)!;

describe("answersAsSet: a short list that answers a question asking for things", () => {
  it("reads a question asking how or what; not a story, nor a question asking only why", () => {
    expect(SET).not.toBeNull();
    expect(setQuestion(question("first-on-call-quality-drop"))).toBeNull();
    expect(
      setQuestion(keyPointQuestion("why", "Why does a pool help?", [{ label: "reuse", terms: ["reuse"] }], "Connections are reused.")),
    ).toBeNull();
  });

  it.each([
    "retries with backoff, idempotency keys, timeouts",
    "Retries with exponential backoff, idempotency keys on writes and a timeout per call.",
    // Under a label naming the thing, one item in the candidate's own words is enough.
    "Each tool call: retry, dedupe key, timeout",
    // A noun after the term ("idempotency keys") is the candidate's own word even when it can praise ("key").
    "exponential backoff, idempotency keys, per-call timeouts",
  ])("credits: %s", (text) => {
    expect(answersAsSet(text, SET)).toBe(true);
  });

  it.each([
    // The terms verbatim, labelled or not.
    "backoff, retry, idempotent, timeout, deadline",
    "Key points: backoff, retries, dedupe, timeout",
    // Too few items to be a list, or too many to be a few things.
    "retries with backoff, idempotency keys",
    "retry with backoff, jitter on the wait, idempotency keys, dedupe tables, timeouts per call, deadlines per request, circuit breakers, fallbacks",
    // A sentence whose items are clauses is read as a sentence.
    "we retry with backoff, the key is idempotent, calls have a timeout",
    // Nothing the question asks for.
    "good logging, clean code, nice dashboards",
    // One modifier put on every term is a template; praise before a term is no modifier.
    "robust backoff, robust dedupe, robust timeout",
    "really good backoff, great dedupe, important timeout",
  ])("does not credit: %s", (text) => {
    expect(answersAsSet(text, SET)).toBe(false);
  });

  it("a list reaching every criterion at once is a tour of the rubric, not a set", () => {
    const two = setQuestion(keyPointQuestion("two", "What would you use?", [{ label: "retries", terms: ["backoff"] }], "Backoff."))!;
    const spread: SetQuestion = { ...two, points: [...SET.points.slice(0, 1), { criterion: 1, terms: ["timeout"] }], criteria: 2 };
    expect(answersAsSet("retries with backoff, exponential backoff waits, timeouts per call", spread)).toBe(false);
    expect(answersAsSet("retries with backoff, exponential backoff waits, jitter on each wait", spread)).toBe(true);
  });

  it("makes the list a claim: its key points count as stated", () => {
    const q = question("chatbot-logging-pii");
    const text = "Per call span: trace id, prompt version, model name, token counts, latency";
    expect(claimSentences(analyse(text), questionTerms(q), claimOptionsFor(q)).size).toBe(1);
    // The same list read with no set reading (as before) states nothing.
    expect(claimSentences(analyse(text), questionTerms(q), { ...claimOptionsFor(q), set: null }).size).toBe(0);
  });
});

describe("short lists on the built-in pack (fixture, tune rows)", () => {
  it("has rows on both sides", () => {
    expect(rows.filter((r) => r.side === "earns").length).toBeGreaterThanOrEqual(4);
    expect(rows.filter((r) => r.side === "dump").length).toBeGreaterThanOrEqual(4);
  });

  it("a list answering the question earns above the weak model answer, unflagged", () => {
    const failed = rows
      .filter((r) => r.side === "earns")
      .map((r) => ({ r, g: graded(r.questionId, r.answer), weak: weakScore(r.questionId) }))
      .filter(({ g, weak }) => g.flags.length > 0 || g.score <= weak)
      .map(({ r, g, weak }) => `${r.answer} -> ${g.score} (weak ${weak}) ${g.flags.join(",")}`);
    expect(failed).toEqual([]);
  });

  it("a dump of the rubric's terms earns no more than the weak model answer", () => {
    const failed = rows
      .filter((r) => r.side === "dump")
      .map((r) => ({ r, g: graded(r.questionId, r.answer), weak: weakScore(r.questionId) }))
      .filter(({ g, weak }) => g.score > weak)
      .map(({ r, g, weak }) => `${r.answer} -> ${g.score} (weak ${weak})`);
    expect(failed).toEqual([]);
  });

  it("the labelled field list is not flagged a keyword list; the same fields as the rubric's bare terms are", () => {
    expect(graded("chatbot-logging-pii", "Per call span: trace id, prompt version, model name, token counts, latency").flags).toEqual([]);
    expect(graded("chatbot-logging-pii", "Span: trace, span, prompt version, model version, tokens, latency").flags).toContain(
      "keyword-list",
    );
  });
});

describe("labelled notes in another language", () => {
  const german = [
    "- Aufteilung: Artikel nach Überschriften, Tabellen ganz, Metadaten pro Abschnitt",
    "- Suche: hybride Suche, Vektorsuche, Neubewertung der Treffer",
    "- Antwort: Quellenangaben, Übergabe an Menschen bei Unsicherheit",
    "- Bewertung: Testsatz aus echten Tickets, Trefferquote, Lösungsquote",
  ].join("\n");

  it("German written only as labelled bullets reads as German: reported not graded, never flagged", () => {
    expect(otherLanguage(german)).toBe(true);
    const g = gradeQuestion(question("support-chatbot-rag"), [{ text: german }], { pack });
    expect(g.flags).toEqual([]);
    expect(g.scores.every((s) => s.notGraded === "other-language")).toBe(true);
  });

  it("English labelled bullets stay English, and one German-looking word in a note does not make it German", () => {
    const english = [
      "- Chunks: split by heading, keep tables whole, metadata per section",
      "- Search: hybrid search, BM25 plus embeddings, rerank the top 50",
      "- Answer: cite sources, hand off to a human in doubt",
      "- Eval: golden set of real tickets, recall@5, deflection rate",
    ].join("\n");
    expect(otherLanguage(english)).toBe(false);
    expect(otherLanguage(`${english}\n- Notes: die Artikel und der Index werden nach dem Import neu gebaut`)).toBe(false);
  });
});

describe("a dump of the rubric's own names is no set answer", () => {
  it("a criterion's title over its key-point labels, copied, is not read as a list that answers", () => {
    // Every built-in question whose criterion has three or more key-point labels of several words.
    const dumps = pack!.questions.flatMap((q) => {
      const set = setQuestion(q);
      if (!set) return [];
      return q.rubric
        .filter((c) => c.evidence.concepts.filter((k) => k.label.includes(" ")).length >= 3)
        .map((c) => ({
          q,
          set,
          line: `${c.title}: ${c.evidence.concepts
            .map((k) => k.label)
            .slice(0, 5)
            .join(", ")}.`,
        }));
    });
    expect(dumps.length).toBeGreaterThan(5);
    expect(dumps.filter((d) => answersAsSet(d.line, d.set)).map((d) => `${d.q.id}: ${d.line}`)).toEqual([]);
  });

  it("the candidate's own lists, naming the same points in their words, still answer", () => {
    const earns = rows.filter((r) => r.side === "earns" && setQuestion(question(r.questionId)));
    expect(earns.length).toBeGreaterThan(0);
    expect(earns.filter((r) => !r.answer.split("\n").some((line) => answersAsSet(line, setQuestion(question(r.questionId))!)))).toEqual([]);
  });
});
