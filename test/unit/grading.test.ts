import { describe, expect, it } from "vitest";
import { conceptCoverage, coverageScore, findTerm, gradeQuestion, overallScore, questionScore } from "../../server/grading/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR, miniPack } from "../helpers/packs.js";

const rag = () => miniPack().questions.find((q) => q.id === "rag-basics")!;

describe("evidence matching", () => {
  it("matches terms at a word start only", () => {
    expect(findTerm("we retried twice", "retr")).toBe(3);
    expect(findTerm("storage layer", "rag")).toBe(-1);
    expect(findTerm("use rag here", "rag")).toBe(4);
    expect(findTerm("delay = 2 ** attempt", "2 **")).toBe(8);
  });

  it("maps covered concepts to 0-4 and quotes the sentence each rests on", () => {
    const criterion = rag().rubric.find((c) => c.id === "retrieval")!;
    const coverage = conceptCoverage(criterion, "First we chunk by heading. Then we store vectors.");
    // Each prose hit also says where it stands (`at`), so a later denial can be compared with it.
    expect(coverage.hits).toEqual([
      { label: "chunking", quote: "First we chunk by heading.", at: 9, sentence: 0 },
      { label: "embeddings", quote: "Then we store vectors.", at: 41, sentence: 1 },
    ]);
    expect(coverageScore(coverage)).toBe(4);
    expect(coverageScore({ hits: [], total: 3 })).toBe(0);
    expect(coverageScore({ hits: [{ label: "a", quote: "" }], total: 5 })).toBe(1);
    expect(
      coverageScore({
        hits: [
          { label: "a", quote: "" },
          { label: "b", quote: "" },
        ],
        total: 3,
      }),
    ).toBe(3);
  });

  it("says insufficient evidence only when nothing gradeable was said, not because an answer is short", () => {
    const empty = gradeQuestion(rag(), [{ text: "I am not sure, sorry." }]).scores;
    expect(empty.every((s) => s.score === 0 && s.insufficientEvidence)).toBe(true);
    expect(empty[0]!.feedback).toContain("Insufficient evidence");
    // Eight words that state a key point earn it.
    const terse = gradeQuestion(rag(), [{ text: "We chunk the articles and embed each chunk." }]).scores;
    expect(terse[0]!.score).toBeGreaterThan(0);
    expect(terse[0]!.insufficientEvidence).toBe(false);
  });

  it("computes weighted question scores and the overall in code", () => {
    const q = rag(); // retrieval weight 2, evaluation weight 3
    const { scores } = gradeQuestion(q, [
      { text: "We chunk the articles and embed them in a vector index, then answer from the best matching passages for the user." },
    ]);
    expect(scores.map((s) => s.score)).toEqual([4, 0]);
    expect(questionScore(q.rubric, scores)).toBe(40); // (2*4 + 3*0) / (4*5)
    expect(overallScore([40, 100, 0])).toBe(46.7);
  });
});

describe("built-in pack", () => {
  const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);

  it("covers every round kind with real questions", () => {
    expect(pack!.id).toBe("ai-engineer");
    expect(new Set(pack!.questions.map((q) => q.kind))).toEqual(new Set(["coding", "system-design", "prompt-debugging", "behavioural"]));
  });

  it("grades its exemplars in order: strong > adequate > weak on every question", () => {
    for (const q of pack!.questions) {
      const answer = (level: string) => q.exemplars.find((e) => e.level === level)!.answer;
      const body = (level: string) =>
        q.kind === "coding" ? { code: answer(level), language: "python" as const } : { text: answer(level) };
      const score = (level: string) => questionScore(q.rubric, gradeQuestion(q, [body(level)]).scores);
      expect(score("strong"), q.id).toBeGreaterThan(score("adequate"));
      expect(score("adequate"), q.id).toBeGreaterThan(score("weak"));
    }
    // Every exemplar of the whole pack (about 290 gradings): on a loaded 2-core machine this took 127 s.
  }, 300_000);

  it("gives no credit for the untouched starter code", () => {
    for (const q of pack!.questions.filter((x) => x.starterCode)) {
      for (const code of Object.values(q.starterCode!)) {
        expect(questionScore(q.rubric, gradeQuestion(q, [{ code }]).scores), q.id).toBe(0);
      }
    }
  });
});

describe("text the candidate was given", () => {
  it("earns nothing: starter-code lines and prompt lines are dropped before matching", () => {
    const q = { ...rag(), prompt: "Design a bot. Mention chunking and embeddings in your answer.\nThen evaluate it." };
    const copied =
      "Design a bot. Mention chunking and embeddings in your answer.\nI would just build it quickly and see how it goes with users after launch.";
    expect(gradeQuestion(q, [{ text: copied }]).scores.every((s) => s.score === 0)).toBe(true);
    const own = "I would chunk the articles by heading and store embeddings in a vector index for retrieval.";
    expect(gradeQuestion(q, [{ text: own }]).scores[0]!.score).toBe(4);
  });
});
