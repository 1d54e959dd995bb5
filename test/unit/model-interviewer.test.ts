import { FakeListChatModel, FakeStreamingChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { createModelInterviewer, createOfflineInterviewer } from "../../server/llm/index.js";
import { graphHarness } from "../helpers/graph-harness.js";
import { miniPack } from "../helpers/packs.js";

const PARTIAL = "I would chunk the help articles and put embeddings in a vector store, then answer from the top five.";
const modelInterviewer = (chat: ConstructorParameters<typeof FakeListChatModel>[0] | "throw") =>
  createModelInterviewer({
    chat: chat === "throw" ? new FakeStreamingChatModel({ thrownErrorString: "upstream 500" }) : new FakeListChatModel(chat),
    model: "fake-model",
    timeoutMs: 2000,
    offline: createOfflineInterviewer(),
  });

describe("interviewer with a (fake) chat model", () => {
  it("streams the model's follow-up for the criterion furthest below the top", async () => {
    const h = graphHarness(miniPack(), {
      interviewer: modelInterviewer({
        responses: ["You mentioned the top five chunks: how would you prove the new retriever beats the old one before launch?"],
      }),
    });
    await h.start();
    await h.resume({ type: "submit", turnId: "rag-basics", text: PARTIAL });
    expect(h.awaiting()).toMatchObject({ questionId: "rag-basics~f1", kind: "follow-up" });
    const deltas = h.events.filter((e) => e.name === "question:delta" && e.body.questionId === "rag-basics~f1").map((e) => e.body.text);
    // The first token goes out at once; tokens arriving within a few ms of each other share a delta.
    expect(deltas.length).toBeGreaterThanOrEqual(2);
    expect(String(deltas[0]).length).toBeLessThan(20);
    expect(deltas.join("")).toBe(
      "You mentioned the top five chunks: how would you prove the new retriever beats the old one before launch?",
    );
    expect((await h.state()).transcript["rag-basics"]![1]!.note).toBeUndefined();
  });

  it("asks no follow-up when every criterion is met, or when the round is nearly over", async () => {
    const h = graphHarness(miniPack(), { interviewer: modelInterviewer({ responses: ["should not be asked"] }) });
    await h.start();
    await h.resume({
      type: "submit",
      turnId: "rag-basics",
      text: `${PARTIAL} Before rollout I'd compare them on a golden set with recall and faithfulness.`,
    });
    expect(h.awaiting()?.questionId).toBe("cost-estimate");
    const late = graphHarness(miniPack(), { interviewer: modelInterviewer({ responses: ["should not be asked"] }) });
    await late.start();
    late.advanceClock(10 * 60_000 - 20_000);
    await late.resume({ type: "submit", turnId: "rag-basics", text: PARTIAL });
    expect(late.awaiting()?.questionId).toBe("cost-estimate");
  });

  it("falls back to the offline interviewer for the turn when the model fails, with a note", async () => {
    const h = graphHarness(miniPack(), { interviewer: modelInterviewer("throw") });
    await h.start();
    await h.resume({ type: "submit", turnId: "rag-basics", text: PARTIAL });
    const text = h.named("question:end").at(-1)!.text as string;
    expect(text).toContain("How would you know the new retriever is better before rollout?");
    expect((await h.state()).transcript["rag-basics"]![1]!.note).toMatch(/interviewer model failed; the offline interviewer asked this/);
  });

  it("stops model calls once the session's token budget is used up", async () => {
    const h = graphHarness(miniPack(), { interviewer: modelInterviewer({ responses: ["model text"] }), tokenBudget: 100 });
    await h.start();
    await h.resume({ type: "submit", turnId: "rag-basics", text: PARTIAL });
    const text = h.named("question:end").at(-1)!.text as string;
    expect(text).not.toContain("model text");
    expect(text).toContain("How would you know the new retriever is better before rollout?");
    expect((await h.state()).transcript["rag-basics"]![1]!.note).toMatch(/token budget was used up/);
  });

  it("practice feedback carries one tip from the weakest criterion", async () => {
    const h = graphHarness(miniPack(), { mode: "practice", rounds: ["design"] });
    await h.start();
    await h.resume({ type: "submit", turnId: "rag-basics", text: "skip" });
    expect(h.named("feedback")[0]!.title).toBe(miniPack().questions.find((q) => q.id === "rag-basics")!.title);
    expect(h.named("feedback")[0]!.tip).toBe("A labelled eval set with retrieval and answer metrics, run before every change.");
  });
});
