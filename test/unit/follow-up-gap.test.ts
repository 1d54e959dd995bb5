import { FakeListChatModel } from "@langchain/core/utils/testing";
import { ServiceError } from "../../server/contracts/service-error.js";
import { describe, expect, it } from "vitest";
import { createModelInterviewer, createOfflineInterviewer } from "../../server/llm/index.js";
import type { Criterion, Pack, Question } from "../../server/scenarios/index.js";
import { graphHarness } from "../helpers/graph-harness.js";
import { miniPack } from "../helpers/packs.js";

/** The mini pack with its RAG question changed by `change` (criteria: retrieval, weight 2; evaluation, weight 3). */
function packWithRag(change: (q: Question) => Question): Pack {
  const pack = miniPack();
  return { ...pack, questions: pack.questions.map((q) => (q.id === "rag-basics" ? change(q) : q)) };
}
const withCriterion = (q: Question, id: string, change: (c: Criterion) => Criterion): Question => ({
  ...q,
  rubric: q.rubric.map((c) => (c.id === id ? change(c) : c)),
});

async function followUpAfter(pack: Pack, text: string, options: { advanceMs?: number } = {}) {
  const h = graphHarness(pack);
  await h.start();
  if (options.advanceMs) h.advanceClock(options.advanceMs);
  await h.resume({ type: "submit", turnId: "rag-basics", text });
  const awaiting = h.awaiting()!;
  const followUp = awaiting.kind === "follow-up" ? String(h.named("question:end").at(-1)!.text) : null;
  return { h, awaiting, followUp };
}

// Retrieval half met (chunking, no embeddings); evaluation fully met (a golden set, recall and faithfulness).
const RETRIEVAL_HALF = "Chunk each article by its headings. Before rollout I would build a golden set and track recall and faithfulness.";
const EVERYTHING =
  "Chunk each article by heading and embed the chunks in a vector index. Before rollout I would build a golden set and track recall and faithfulness.";

describe("the follow-up probes the criterion furthest below the top, partly met ones included", () => {
  it("probes a partly met criterion (1 of 2 key points stated), where the old rule saw evidence and asked nothing", async () => {
    const { awaiting, followUp } = await followUpAfter(miniPack(), RETRIEVAL_HALF);
    expect(awaiting).toMatchObject({ questionId: "rag-basics~f1", kind: "follow-up" });
    // Retrieval's probe, not evaluation's: evaluation weighs more but is fully met.
    expect(followUp).toContain("How would you chunk and index the articles?");
    expect(followUp).not.toContain("before rollout?");
  });

  it("does not probe fully met criteria: a complete answer goes straight on", async () => {
    const { awaiting, h } = await followUpAfter(miniPack(), EVERYTHING);
    expect(awaiting.questionId).toBe("cost-estimate");
    expect(h.grades.get("rag-basics")!.every((g) => g.score === 4)).toBe(true);
  });

  it("ranks by the gap first, then weight, then rubric order", async () => {
    // Evaluation (weight 3) half met, retrieval (weight 2) not met at all: the larger gap wins over the weight.
    const gapWins = await followUpAfter(miniPack(), "Before rollout I would build a golden set of real support questions.");
    expect(gapWins.followUp).toContain("How would you chunk and index the articles?");
    // Both half met: the heavier criterion.
    const halfEach = "Chunk each article by its headings. Before rollout I would build a golden set of real support questions.";
    const heavier = await followUpAfter(miniPack(), halfEach);
    expect(heavier.followUp).toContain("How would you know the new retriever is better before rollout?");
    // Both half met at equal weights: the first in the rubric.
    const equal = packWithRag((q) => withCriterion(q, "evaluation", (c) => ({ ...c, weight: 2 })));
    const first = await followUpAfter(equal, halfEach);
    expect(first.followUp).toContain("How would you chunk and index the articles?");
  });

  it("asks the probe aimed at the missing key point, not one about what the answer already said", async () => {
    const pack = packWithRag((q) =>
      withCriterion(q, "evaluation", (c) => ({
        ...c,
        probes: ["How would you build the eval set, and from what?", "Which metrics would you track, and why those?"],
      })),
    );
    const retrieval = "Chunk each article and embed the chunks in a vector index.";
    const noMetrics = await followUpAfter(pack, `${retrieval} Before rollout I would build a golden set of real questions.`);
    expect(noMetrics.followUp).toContain("Which metrics would you track");
    const noEvalSet = await followUpAfter(pack, `${retrieval} Before rollout I would track recall and faithfulness.`);
    expect(noEvalSet.followUp).toContain("How would you build the eval set");
  });

  it("keeps the follow-up budget and the round's time floor for partly met criteria too", async () => {
    const none = packWithRag((q) => ({ ...q, maxFollowUps: 0 }));
    expect((await followUpAfter(none, RETRIEVAL_HALF)).awaiting.questionId).toBe("cost-estimate");
    // 30 s left of a 10-minute round: under the one-minute floor.
    expect((await followUpAfter(miniPack(), RETRIEVAL_HALF, { advanceMs: 10 * 60_000 - 30_000 })).awaiting.questionId).toBe(
      "cost-estimate",
    );
  });

  it("reads every turn again after a follow-up: it stops once the gaps are closed, and probes what is still short", async () => {
    const pack = packWithRag((q) => ({ ...q, maxFollowUps: 3 }));
    const closed = await followUpAfter(pack, RETRIEVAL_HALF);
    await closed.h.resume({ type: "submit", turnId: "rag-basics~f1", text: "I would embed each chunk and keep the vectors in an index." });
    expect(closed.h.awaiting()?.questionId).toBe("cost-estimate");
    const short = await followUpAfter(
      pack,
      "Chunk each article by its headings. Before rollout I would build a golden set of real questions.",
    );
    expect(short.followUp).toContain("before rollout?"); // evaluation first (the heavier of two half-met criteria)
    await short.h.resume({ type: "submit", turnId: "rag-basics~f1", text: "I would track recall and faithfulness on it." });
    expect(short.h.awaiting()?.questionId).toBe("rag-basics~f2");
    expect(String(short.h.named("question:end").at(-1)!.text)).toContain("How would you chunk and index the articles?");
  });
});

/** Text only the grader may read, planted in every hidden field of the RAG question. */
const SECRETS = {
  description: "Zanzibar description of the retrieval criterion",
  anchor: "Quokka anchor text for a level",
  hint: "Ocelot hint of what a strong answer adds",
  exemplar: "Narwhal exemplar: chunk, embed, evaluate on a golden set.",
  missingLabel: "dense passage vectors",
  missingTerms: ["embedding", "vector"],
};
const secretPack = () =>
  packWithRag((q) => ({
    ...withCriterion(q, "retrieval", (c) => ({
      ...c,
      description: SECRETS.description,
      anchors: { "0": SECRETS.anchor, "1": SECRETS.anchor, "2": SECRETS.anchor, "3": SECRETS.anchor, "4": SECRETS.anchor },
      strongAnswerAdds: SECRETS.hint,
      // No authored probe: the interviewer falls back to the criterion's (public) title.
      probes: [],
      evidence: {
        ...c.evidence,
        concepts: [
          { label: "chunking", terms: ["chunk"] },
          { label: SECRETS.missingLabel, terms: SECRETS.missingTerms },
        ],
      },
    })),
    exemplars: [{ level: "strong", answer: SECRETS.exemplar, scores: { retrieval: 4, evaluation: 4 } }],
  }));
const hidden = () => [SECRETS.description, SECRETS.anchor, SECRETS.hint, SECRETS.exemplar, SECRETS.missingLabel, ...SECRETS.missingTerms];

describe("a follow-up on a partly met criterion names no hidden rubric text", () => {
  it("offline: the title and the candidate's own words, never the missing key point, anchors, hints or exemplars", async () => {
    const { followUp } = await followUpAfter(secretPack(), RETRIEVAL_HALF);
    expect(followUp).toContain("What else would you add about retrieval design?");
    for (const secret of hidden()) expect(followUp!.toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it("with a model: the model is told the topic is covered in part, and is given nothing hidden to repeat", async () => {
    const chat = new FakeListChatModel({ responses: ["You chunk by heading: what else would you do for retrieval?"] });
    const sent: string[] = [];
    const stream = chat.stream.bind(chat);
    chat.stream = (input, options) => {
      sent.push(JSON.stringify(input));
      return stream(input, options);
    };
    const interviewer = createModelInterviewer({ chat, model: "fake", timeoutMs: 2000, offline: createOfflineInterviewer() });
    const h = graphHarness(secretPack(), { interviewer });
    await h.start();
    await h.resume({ type: "submit", turnId: "rag-basics", text: RETRIEVAL_HALF });
    expect(h.awaiting()).toMatchObject({ questionId: "rag-basics~f1" });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("covered only in part");
    expect(sent[0]).toContain("Retrieval design");
    for (const secret of hidden()) expect(sent[0]!.toLowerCase()).not.toContain(secret.toLowerCase());
  });
});

describe("a follow-up the grading thread could not read for", () => {
  it("is not asked: the question goes on to its grading and the next question, once (GRADING_TIMEOUT is not retried)", async () => {
    let calls = 0;
    const h = graphHarness(miniPack(), {
      readings: {
        followUpReadingOf: async () => {
          calls++;
          throw new ServiceError("GRADING_TIMEOUT", "reading this answer took too long and was stopped");
        },
      },
    });
    await h.start();
    await h.resume({ type: "submit", turnId: "rag-basics", text: RETRIEVAL_HALF });
    expect(calls).toBe(1);
    expect(h.awaiting()).toMatchObject({ questionId: "cost-estimate" });
    expect(h.grades.get("rag-basics")?.length).toBeGreaterThan(0);
  });

  it("any other failure of the reading still fails the step (it is retried)", async () => {
    const h = graphHarness(miniPack(), {
      readings: {
        followUpReadingOf: async () => {
          throw new Error("thread crashed");
        },
      },
    });
    await h.start();
    await expect(h.resume({ type: "submit", turnId: "rag-basics", text: RETRIEVAL_HALF })).rejects.toThrow("thread crashed");
  });
});
