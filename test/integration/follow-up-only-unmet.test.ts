import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { defaultVariantPack, loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient } from "../helpers/socket-client.js";

const QUESTION = "disagreed-on-eval-result";
/** Answers written blind and labelled by hand (test/fixtures/calibration): the strong one says every point in its own words. */
const rows = parse(readFileSync(new URL("../fixtures/calibration/behavioural.yaml", import.meta.url), "utf8")) as {
  questionId: string;
  kind: string;
  answer: string;
}[];
const answerOf = (kind: string) => rows.find((r) => r.questionId === QUESTION && r.kind === kind)!.answer;

/** The built-in pack cut to the one behavioural question, so the session asks it first. */
function onePackQuestion(): Pack {
  const pack = defaultVariantPack(loadPacksFromDir(BUILTIN_PACKS_DIR).find((p) => p.id === "ai-engineer")!);
  return { ...pack, rounds: pack.rounds.filter((r) => r.id === "behavioural"), questions: pack.questions.filter((q) => q.id === QUESTION) };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ packs: [onePackQuestion()], rateLimits: null });
});
afterAll(() => server.close());

/** A practice session on the one question, with `text` submitted as its answer. */
async function answerOnce(text: string) {
  const c = await connectClient(server.url);
  const { sessionId } = await c.request("session:start", { packId: "ai-engineer", rounds: ["behavioural"], mode: "practice" });
  await c.waitFor("question:end", (p) => p.questionId === QUESTION);
  await c.request("answer:submit", { sessionId, questionId: QUESTION, submissionId: randomUUID(), text });
  return c;
}

describe("the offline interviewer asks a follow-up only when the grade leaves a criterion unmet", () => {
  it("an answer the grader puts at 4 on every criterion gets no follow-up", async () => {
    const c = await answerOnce(answerOf("strong"));
    try {
      // Without a follow-up the round ends on the answer; with one, the follow-up would be asked first.
      await c.waitFor("round:end");
      expect(c.received.filter((e) => e.name === "question:start").map((e) => e.payload.questionId)).toEqual([QUESTION]);
      const feedback = await c.waitFor("feedback", (p) => p.questionId === QUESTION);
      const scores = (feedback.payload.criteria as { score: number }[]).map((k) => k.score);
      expect(scores.length).toBeGreaterThan(0);
      expect(scores).toEqual(scores.map(() => 4));
    } finally {
      c.close();
    }
  });

  it("an answer with a criterion below the top still gets one", async () => {
    const c = await answerOnce(answerOf("shallow"));
    try {
      await c.waitFor("question:start", (p) => p.questionId === `${QUESTION}~f1`);
    } finally {
      c.close();
    }
  });
});
