import { describe, expect, it } from "vitest";
import { graphHarness } from "../helpers/graph-harness.js";
import { miniPack } from "../helpers/packs.js";

const FULL_RAG_ANSWER =
  "Chunk each article by heading, embed the chunks into a vector index, and answer from the top results. " +
  "Before rollout I would build a golden set of 200 real questions and track recall and faithfulness.";

describe("interview graph (MemorySaver)", () => {
  it("streams the first question, then pauses at awaitAnswer via interrupt()", async () => {
    const h = graphHarness(miniPack());
    const result = await h.start();
    expect((result as { __interrupt__?: { value: unknown }[] }).__interrupt__?.[0]?.value).toEqual({ turnId: "rag-basics" });
    expect(h.events.map((e) => e.name).slice(0, 2)).toEqual(["round:start", "question:start"]);
    const deltas = h
      .named("question:delta")
      .map((d) => d.text)
      .join("");
    const end = h.named("question:end")[0]!;
    expect(deltas).toBe(end.text); // exactly: a late client and a streaming one see the same text
    expect(end.text).toBe((end.text as string).trim());
    expect(end.text).toContain("retrieval-augmented support bot");
    const roundStart = h.named("round:start")[0]!;
    expect(roundStart.endsAt).toBe(h.now() + 10 * 60_000);
  });

  it("resumes with Command({resume}), grades, and runs every round to a report", async () => {
    const h = graphHarness(miniPack());
    await h.start();
    await h.resume({ type: "submit", turnId: "rag-basics", text: FULL_RAG_ANSWER });
    expect(h.awaiting()?.questionId).toBe("cost-estimate");
    await h.resume({
      type: "submit",
      turnId: "cost-estimate",
      text: "About 500 tokens per query, so 150M tokens per month, roughly $25 a month on the cheap model.",
    });
    expect(h.named("round:end")).toEqual([{ roundId: "design", reason: "completed" }]);
    await h.resume({
      type: "submit",
      turnId: "failure-story",
      text: "The situation: we were launching a bot. The result was that we reduced errors by half after adding evals.",
    });
    expect(h.awaiting()?.questionId).toBe("retry");
    const final = await h.resume({
      type: "submit",
      turnId: "retry",
      code: "import random\ndelay = base * 2 ** attempt + random.random()",
      language: "python",
    });
    // Run to its end: no turn awaits, and the report went to the store (which owns the session's status).
    expect(final.current).toBeNull();
    expect(h.reports).toHaveLength(1);
    expect(h.named("session:complete")).toHaveLength(1);
    const report = h.reports[0]!;
    expect(report.rounds.map((r) => r.endReason)).toEqual(["completed", "completed", "completed"]);
    const rag = report.rounds[0]!.questions[0]!;
    expect(rag.criteria.every((c) => c.score === 4)).toBe(true);
    expect(rag.score).toBe(100);
    const retry = report.rounds[2]!.questions[0]!;
    expect(retry.turns[0]!.answer).toEqual({ code: expect.stringContaining("2 ** attempt"), language: "python" });
    expect(retry.criteria[0]!.evidence.map((e) => e.note)).toEqual(["exponential", "jitter"]);
    expect(report.overall).toBeGreaterThan(80);
  });

  it("asks one follow-up for the criterion furthest below the top, and counts its answer", async () => {
    const h = graphHarness(miniPack());
    await h.start();
    await h.resume({
      type: "submit",
      turnId: "rag-basics",
      text: "I would chunk the help articles and put embeddings in a vector store, then answer from the top five.",
    });
    const followUp = h.awaiting()!;
    expect(followUp).toMatchObject({ questionId: "rag-basics~f1", kind: "follow-up", baseQuestionId: "rag-basics" });
    const text = h.named("question:end").at(-1)!.text as string;
    expect(text).toContain("How would you know the new retriever is better before rollout?");
    expect(text).toContain('"I would chunk the help articles and put embeddings in…"');
    await h.resume({
      type: "submit",
      turnId: "rag-basics~f1",
      text: "An eval on a golden set measuring recall and faithfulness, compared with the old retriever.",
    });
    expect(h.awaiting()?.questionId).toBe("cost-estimate"); // maxFollowUps is 1
    const grades = h.grades.get("rag-basics")!;
    expect(grades.find((g) => g.criterionId === "evaluation")?.score).toBe(4);
    expect(grades.find((g) => g.criterionId === "retrieval")?.score).toBe(4);
  });

  it("does not follow up when the round has too little time left", async () => {
    const h = graphHarness(miniPack());
    await h.start();
    h.advanceClock(10 * 60_000 - 30_000); // 30 s left of 10 min: under the one-minute floor
    await h.resume({
      type: "submit",
      turnId: "rag-basics",
      text: "I would chunk the help articles and put embeddings in a vector store, then answer from the top five.",
    });
    expect(h.awaiting()?.questionId).toBe("cost-estimate");
  });

  it("does not follow up when the candidate says they don't know", async () => {
    const h = graphHarness(miniPack());
    await h.start();
    await h.resume({ type: "submit", turnId: "rag-basics", text: "I don't know." });
    expect(h.awaiting()?.questionId).toBe("cost-estimate");
    expect(h.grades.get("rag-basics")!.every((g) => g.insufficientEvidence)).toBe(true);
  });

  it("on timeout grades the draft, marks the rest of the round unanswered and starts the next round", async () => {
    const h = graphHarness(miniPack());
    await h.start();
    h.advanceClock(10 * 60_000);
    await h.resume({
      type: "timeout",
      turnId: "rag-basics",
      text: "Chunk the articles, embed them and evaluate on a golden set with recall.",
    });
    expect(h.named("round:end")).toEqual([{ roundId: "design", reason: "timeout" }]);
    expect(h.awaiting()?.questionId).toBe("failure-story");
    const roundStarts = h.named("round:start");
    expect(roundStarts[1]).toMatchObject({ roundId: "story", index: 2, total: 3, endsAt: h.now() + 5 * 60_000 });
    expect(h.grades.get("rag-basics")!.some((g) => g.score > 0)).toBe(true);
    const skipped = h.grades.get("cost-estimate")!;
    expect(skipped.every((g) => g.score === 0 && g.insufficientEvidence && g.feedback === "Not answered.")).toBe(true);
    const state = await h.state();
    expect(state.transcript["rag-basics"]![0]!.reason).toBe("timeout");
  });

  it("ending early grades the current draft and reports later rounds as ended", async () => {
    const h = graphHarness(miniPack());
    await h.start();
    const final = await h.resume({ type: "end", turnId: "rag-basics" });
    // Run to its end: no turn awaits, and the report went to the store (which owns the session's status).
    expect(final.current).toBeNull();
    expect(h.reports).toHaveLength(1);
    const report = h.reports[0]!;
    expect(report.rounds.map((r) => r.endReason)).toEqual(["ended", "ended", "ended"]);
    expect(report.rounds.flatMap((r) => r.questions).every((q) => !q.answered && q.score === 0)).toBe(true);
    expect(report.overall).toBe(0);
  });

  it("practice mode is untimed and sends feedback after each question", async () => {
    const h = graphHarness(miniPack(), { mode: "practice", rounds: ["story"] });
    await h.start();
    expect(h.named("round:start")[0]!.endsAt).toBeNull();
    await h.resume({
      type: "submit",
      turnId: "failure-story",
      text: "The situation was a launch where we were short on time. The result: we reduced complaints by 40%.",
    });
    const feedback = h.named("feedback");
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({ questionId: "failure-story", score: 100 });
  });

  it("picks questions nearest the requested level", async () => {
    const h = graphHarness(
      { ...miniPack(), rounds: miniPack().rounds.map((r) => (r.id === "design" ? { ...r, pick: 1 } : r)) },
      { level: "senior", rounds: ["design"] },
    );
    expect(h.plan.rounds[0]!.questionIds).toEqual(["cost-estimate"]);
  });
});
