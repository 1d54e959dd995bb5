import { describe, expect, it } from "vitest";
import type { Pack } from "../../server/scenarios/index.js";
import { graphHarness } from "../helpers/graph-harness.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR, miniPack } from "../helpers/packs.js";

// Session 23 (product13), outside testers: the follow-up after a reply depends on what the grader read in it, and a
// candidate who repeats an answer never hears the same probe twice.

const NON_ANSWER = /^That doesn't answer the question\./;

/** The built-in pack cut to one system-design question, so the interview opens on it. */
function oneQuestion(id: string): Pack {
  const pack = loadPacksFromDir(BUILTIN_PACKS_DIR)[0]!;
  const question = pack.questions.find((q) => q.id === id)!;
  return {
    ...pack,
    rounds: [{ ...pack.rounds.find((r) => r.kind === question.kind)!, pick: 1, questions: [id] }],
    questions: [question],
  };
}

async function followUpTo(pack: Pack, questionId: string, text: string) {
  const h = graphHarness(pack);
  await h.start();
  await h.resume({ type: "submit", turnId: questionId, text });
  const awaiting = h.awaiting()!;
  return awaiting.kind === "follow-up" ? String(h.named("question:end").at(-1)!.text) : null;
}

describe("the interviewer says an answer does not answer the question only when the grader says so", () => {
  const cache = oneQuestion("semantic-cache-support-bot");

  it("probes a short on-topic answer under a bold label line, which used to be told it answered nothing", async () => {
    const text = await followUpTo(cache, "semantic-cache-support-bot", "**Answer:**\nAccount-specific questions must bypass the cache.");
    expect(text).not.toBeNull();
    expect(text).not.toMatch(NON_ANSWER);
  });

  it("probes a short on-topic answer the grader found too thin to credit", async () => {
    const text = await followUpTo(cache, "semantic-cache-support-bot", "Never cache personal account questions.");
    expect(text).not.toMatch(NON_ANSWER);
  });

  it("says so when the grader reads a fluent answer as about something else (it used to probe it)", async () => {
    const offTopic =
      "Last spring our team moved the billing service from a monolith to Kubernetes. We split the database per domain and " +
      "wrote Terraform modules for every environment. The hardest part was the on-call rotation, which we rebuilt around " +
      "weekly handovers and a shared runbook. Morale improved once deploys became boring and predictable.";
    expect(await followUpTo(cache, "semantic-cache-support-bot", offTopic)).toMatch(NON_ANSWER);
  });

  it("says so for gibberish, as before", async () => {
    expect(await followUpTo(cache, "semantic-cache-support-bot", "asdf qwerty")).toMatch(NON_ANSWER);
  });
});

describe("a repeated answer never gets the same probe twice", () => {
  const AIMED = "How would you chunk and index the articles?";
  const OTHER = "Where would the retrieved passages live, and how would you look them up?";
  /** The mini pack's RAG question with two follow-ups and the given retrieval probes. */
  const withProbes = (probes: string[]): Pack => {
    const pack = miniPack();
    return {
      ...pack,
      questions: pack.questions.map((q) =>
        q.id === "rag-basics" ? { ...q, maxFollowUps: 2, rubric: q.rubric.map((c) => (c.id === "retrieval" ? { ...c, probes } : c)) } : q,
      ),
    };
  };
  // Retrieval (no key point) is the gap each time; evaluation is half met.
  const SAME = "Before rollout I would build a golden set of real support questions.";

  it("asks the criterion's other probe the second time", async () => {
    const h = graphHarness(withProbes([AIMED, OTHER]));
    await h.start();
    await h.resume({ type: "submit", turnId: "rag-basics", text: SAME });
    const first = String(h.named("question:end").at(-1)!.text);
    expect(first).toContain(AIMED);
    await h.resume({ type: "submit", turnId: h.awaiting()!.questionId, text: SAME });
    expect(h.awaiting()).toMatchObject({ questionId: "rag-basics~f2", kind: "follow-up" });
    const second = String(h.named("question:end").at(-1)!.text);
    expect(second).not.toBe(first);
    expect(second).not.toContain(AIMED);
    expect(second).toContain(OTHER);
  });

  it("moves on when the criterion has no probe left to ask", async () => {
    const h = graphHarness(withProbes([AIMED]));
    await h.start();
    await h.resume({ type: "submit", turnId: "rag-basics", text: SAME });
    expect(String(h.named("question:end").at(-1)!.text)).toContain(AIMED);
    await h.resume({ type: "submit", turnId: "rag-basics~f1", text: SAME });
    expect(h.awaiting()).toMatchObject({ questionId: "cost-estimate", kind: "main" });
    expect(h.named("question:end").filter((e) => String(e.text).includes(AIMED))).toHaveLength(1);
    // The question is graded on both answers, as any finished question.
    expect(h.grades.get("rag-basics")).toBeDefined();
  });
});
