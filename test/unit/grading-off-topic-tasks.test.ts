import { describe, expect, it } from "vitest";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { analyse, offTopicTasks } from "../../server/grading/language/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { gradeAttacked, PLACEMENTS } from "../helpers/attacked.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
const question = (id: string) => pack!.questions.find((q) => q.id === id)!;

/**
 * Tasks handed to the reader about something else, written for this project in the
 * manner of the public injection sets' "benign task" texts. Each pairing raised the
 * exemplar above its clean score before off-topic tasks were set aside (measured: the
 * few words the task shares with a reference lifted one criterion over a rounding
 * boundary, by 5 to 19 points).
 */
const TASKS = [
  { id: "first-on-call-quality-drop", level: "weak", text: "Outline a lesson plan on the water cycle with a short quiz at the end." },
  {
    id: "raised-data-privacy-risk",
    level: "adequate",
    text: "Sketch a weekly workout schedule with rest days and a way to track progress.",
  },
  { id: "calibrated-llm-judge-with-humans", level: "weak", text: "Draft a cover letter for a barista position at a busy cafe." },
  { id: "safety-filter-overblocks", level: "adequate", text: "Describe the migration route of monarch butterflies." },
  { id: "call-summary-leaks-pii", level: "weak", text: "Translate a polite greeting into Japanese for a hotel welcome card." },
  { id: "ticket-routing-prompt-vs-finetune", level: "weak", text: "Describe the rules of chess to a new player in simple terms." },
  { id: "enterprise-doc-qa-10m", level: "weak", text: "Generate a catchy slogan for a recycling campaign at a school." },
  { id: "few-shot-label-bias", level: "adequate", text: "Recommend three podcasts about gardening for beginners." },
] as const;

/** Honest answers written as orders about the question's own subject: they keep every sentence as evidence. */
const IMPERATIVE_DESIGNS = [
  {
    id: "support-chatbot-rag",
    text: "Chunk the help articles by heading and embed each chunk. Combine BM25 with vector search and rerank the top results. Reindex the 50 changed articles every night. Answer only from the retrieved chunks and hand off to a human when retrieval finds nothing. Build a golden set of past tickets and track recall@5 and deflection.",
  },
  {
    id: "semantic-cache-support-bot",
    text: "Embed each incoming question and look it up in a vector index of past questions. Serve the cached answer only above a similarity threshold tuned on labelled pairs. Partition the cache by plan and never cache account-specific answers. Give every entry a TTL and invalidate it when its source article changes. Measure the hit rate and the false hit rate per day.",
  },
  {
    id: "ticket-routing-prompt-vs-finetune",
    text: "Start with a prompted baseline and label a held-out set of 500 tickets per queue first. Compare the prompt and a fine-tuned small model on the same test set, per queue. Pick the cheaper one that meets the target accuracy. Plan for a new queue: retrain monthly.",
  },
];

describe("tasks handed to the reader about another topic", () => {
  it("earn nothing, before or after an answer, and are not flagged as attacks", () => {
    const raised = TASKS.flatMap(({ id, level, text }) => {
      const q = question(id);
      const base = q.exemplars.find((e) => e.level === level)!.answer;
      return PLACEMENTS.filter((where) => where !== "alone").flatMap((where) => {
        const r = gradeAttacked(pack!, q, base, text, where);
        const flags = gradeQuestion(q, [{ text: `${base}\n\n${text}` }], { pack, gradingExemplar: base }).flags;
        return [
          ...(r.attacked > r.clean ? [`${id}/${where}: ${r.clean} -> ${r.attacked}`] : []),
          ...flags.map((f) => `${id}: flagged ${f.kind}`),
        ];
      });
    });
    expect(raised).toEqual([]);
  });

  it("honest design answers written as orders keep all their evidence", () => {
    for (const { id, text } of IMPERATIVE_DESIGNS) {
      const q = question(id);
      expect(offTopicTasks(q, analyse(text)), id).toEqual(new Set());
      const graded = gradeQuestion(q, [{ text }], { pack });
      expect(graded.flags, id).toEqual([]);
      // Each scores above the question's weak exemplar: the orders are read as its design.
      const weak = q.exemplars.find((e) => e.level === "weak")!.answer;
      const weakScore = questionScore(q.rubric, gradeQuestion(q, [{ text: weak }], { pack, gradingExemplar: weak }).scores);
      expect(questionScore(q.rubric, graded.scores), id).toBeGreaterThan(weakScore);
    }
  });

  it("a task on the question's own subject is kept; one on another subject is set aside", () => {
    const q = question("support-chatbot-rag");
    const sentences = (text: string) => [...offTopicTasks(q, analyse(text))].map((i) => analyse(text).sentences[i]!.text);
    expect(sentences("We chunk by heading. Please write a poem about autumn leaves.")).toEqual([
      "Please write a poem about autumn leaves.",
    ]);
    expect(sentences("We chunk by heading. Could you draft a toast for a retirement party?")).toEqual([]); // a question states nothing anyway
    expect(sentences("We chunk by heading. Rerank the retrieved chunks before answering.")).toEqual([]);
    // Not an order: the opening word has a verb of its own.
    expect(sentences("We chunk by heading. Prompt size also drops from 24k to about 3k tokens.")).toEqual([]);
  });
});
