import { randomUUID } from "node:crypto";
import { BroadcastChannel } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerBody, ServerEventName } from "../../server/contracts/index.js";
import { gradeQuestion, runOnTests } from "../../server/grading/index.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient, type ReceivedEvent } from "../helpers/socket-client.js";

type Client = Awaited<ReturnType<typeof connectClient>>;

// The server's grading thread runs the grader's own readings with a grader that counts (the fixture worker), and
// answers the count on this channel.
const CHANNEL = `graded-once-${randomUUID()}`;
const COUNTING_WORKER = new URL(`../fixtures/workers/counting-grader-worker.ts?channel=${CHANNEL}`, import.meta.url);
const channel = new BroadcastChannel(CHANNEL);

/** Gradings so far, by question id, as the grading thread counted them. */
function gradings(): Promise<Record<string, number>> {
  return new Promise((resolve) => {
    channel.onmessage = (m) => resolve((m as { data: { gradings: Record<string, number> } }).data.gradings);
    channel.postMessage("count?");
  });
}

/** The first of these events after `afterSeq`, received already or to come (the events arrive in order). */
function nextOf(c: Client, names: ServerEventName[], afterSeq: number): Promise<ReceivedEvent> {
  const match = (e: ReceivedEvent) => names.includes(e.name) && e.payload.seq > afterSeq;
  const already = c.received.find(match);
  if (already) return Promise.resolve(already);
  return new Promise((resolve) => {
    const listener = () => {
      const found = c.received.find(match);
      if (!found) return;
      c.socket.offAny(listener);
      resolve(found);
    };
    // After the client's own listener has recorded the event (listeners run in the order they were added).
    c.socket.onAny(listener);
  });
}

const pack = miniPack();
/** What the candidate says, by turn: a half-met design answer draws a follow-up; the others are complete. */
const ANSWERS: Record<string, AnswerBody> = {
  "rag-basics": {
    text: "Chunk each article by its headings. Before rollout I would build a golden set and track recall and faithfulness.",
  },
  "rag-basics~f1": { text: "I would embed each chunk and keep them in a vector index." },
  "cost-estimate": { text: "About 2,000 articles of 1,000 tokens is 2 million tokens; at $0.10 per million that is $0.20 to embed." },
  retry: {
    code: [
      "import random, time",
      "def call_with_retry(send):",
      "    for attempt in range(5):",
      "        status = send()",
      "        if status != 429:",
      "            return status",
      "        # exponential backoff with random jitter",
      "        time.sleep(2 ** attempt + random.random())",
      "    return status",
    ].join("\n"),
    language: "python",
  },
};

/** Any other follow-up's answer. */
const FOLLOW_UP_ANSWER: AnswerBody = { text: "I would check each figure against the provider's price page before committing to it." };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ packs: [pack], rateLimits: null, sandbox: null, gradingThread: { worker: COUNTING_WORKER } });
});
afterAll(async () => {
  channel.close();
  await server.close();
});

describe("the interview grades each answer once", () => {
  it("the follow-up decision's grade is the question's grade: one grading per submitted turn, the same scores", async () => {
    const c = await connectClient(server.url);
    try {
      const { sessionId } = await c.request("session:start", { packId: "mini", rounds: ["design", "code"], mode: "practice" });
      const submitted: Record<string, (AnswerBody | null)[]> = {};
      // Answer every turn the interviewer opens, follow-ups included, until the session is complete.
      for (let seq = 0; ;) {
        const next = await nextOf(c, ["question:start", "session:complete"], seq);
        if (next.name === "session:complete") break;
        seq = next.payload.seq;
        const turnId = String(next.payload.questionId);
        await c.waitFor("question:end", (p) => p.questionId === turnId);
        const answer = ANSWERS[turnId] ?? (turnId.includes("~f") ? FOLLOW_UP_ANSWER : undefined);
        expect(answer, `an answer for ${turnId}`).toBeDefined();
        const base = turnId.split("~")[0]!;
        (submitted[base] ??= []).push(answer!);
        await c.request("answer:submit", { sessionId, questionId: turnId, submissionId: randomUUID(), ...answer });
      }
      await c.waitFor("session:complete");

      // Every question: as many gradings as turns answered. Before, a question whose last answer the follow-up
      // decision graded (to choose none) was graded again for its score.
      const counted = await gradings();
      expect(Object.keys(submitted).sort()).toEqual(["cost-estimate", "rag-basics", "retry"]);
      expect(submitted["rag-basics"]).toHaveLength(2);
      expect(counted).toEqual(Object.fromEntries(Object.entries(submitted).map(([q, turns]) => [q, turns.length])));

      // The scores are the grader's for the whole transcript (with the test run's criterion for the coding answer).
      for (const [questionId, answers] of Object.entries(submitted)) {
        const question = pack.questions.find((q) => q.id === questionId)!;
        const tests = await runOnTests(
          question,
          answers.at(-1)?.code ?? "",
          "python",
          undefined,
          "no code sandbox is configured on this server",
        );
        const expected = gradeQuestion(question, answers, { pack, tests }).scores.map((s) => ({
          criterionId: s.criterionId,
          score: s.score,
        }));
        const feedback = await c.waitFor("feedback", (p) => p.questionId === questionId);
        const live = (feedback.payload.criteria as { criterionId: string; score: number }[]).map((k) => ({
          criterionId: k.criterionId,
          score: k.score,
        }));
        expect(live, questionId).toEqual(expected);
      }
    } finally {
      c.close();
    }
  });
});
