import { describe, expect, it } from "vitest";
import type { QuestionInfo, ServerEvent, Snapshot } from "../../server/contracts/index.js";
import { initialRoomState, questionPosition, roomReducer, type RoomState } from "../../client/src/room/room-state.js";

const SID = "00000000-0000-4000-8000-000000000001";
const info = (over: Partial<QuestionInfo> = {}): QuestionInfo => ({
  questionId: "rag",
  baseQuestionId: "rag",
  kind: "main",
  roundId: "design",
  title: "Design a RAG bot",
  answerFormat: "text",
  languages: [],
  index: 1,
  totalInRound: 1,
  ...over,
});

function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    sessionId: SID,
    status: "active",
    mode: "practice",
    packId: "mini",
    packVersion: 1,
    plan: { rounds: [] },
    lastSeq: 0,
    serverNow: 1000,
    round: null,
    question: null,
    draft: null,
    lastCode: null,
    reportUrl: null,
    earlierTurns: [],
    ...over,
  };
}

let seq = 0;
const ev = <N extends "question:start" | "question:end" | "feedback">(name: N, body: Omit<ServerEvent<N>, "seq" | "sessionId">) =>
  ({ type: "event", item: { name, event: { ...body, seq: ++seq, sessionId: SID } }, receivedAt: 0 }) as const;

function loaded(): RoomState {
  seq = 0;
  return roomReducer(initialRoomState, { type: "snapshot", snapshot: snapshot(), receivedAt: 0 });
}

describe("room reducer: follow-ups keep the question they follow", () => {
  it("keeps the original question and the answer in view during a follow-up, and drops them on the next main question", () => {
    let s = loaded();
    s = roomReducer(s, ev("question:start", info()) as never);
    s = roomReducer(s, ev("question:end", { questionId: "rag", text: "Design a support bot." }) as never);
    s = roomReducer(s, { type: "submitting", baseQuestionId: "rag", content: { text: "Chunk and embed." } });
    s = roomReducer(s, ev("question:start", info({ questionId: "rag~f1", kind: "follow-up" })) as never);
    expect(s.earlier).toEqual([{ kind: "main", prompt: "Design a support bot.", answer: { text: "Chunk and embed." } }]);
    s = roomReducer(s, ev("question:end", { questionId: "rag~f1", text: "How would you evaluate?" }) as never);
    s = roomReducer(s, { type: "submitting", baseQuestionId: "rag", content: { text: "Golden set." } });
    s = roomReducer(s, ev("question:start", info({ questionId: "rag~f2", kind: "follow-up" })) as never);
    expect(s.earlier.map((t) => [t.kind, t.prompt, t.answer])).toEqual([
      ["main", "Design a support bot.", { text: "Chunk and embed." }],
      ["follow-up", "How would you evaluate?", { text: "Golden set." }],
    ]);
    s = roomReducer(s, ev("question:start", info({ questionId: "cost", baseQuestionId: "cost", title: "Estimate cost" })) as never);
    expect(s.earlier).toEqual([]);
  });

  it("restores the earlier turns from the snapshot after a reload mid follow-up", () => {
    const s = roomReducer(initialRoomState, {
      type: "snapshot",
      snapshot: snapshot({
        question: { ...info({ questionId: "rag~f1", kind: "follow-up" }), text: "How would you evaluate?" },
        earlierTurns: [{ kind: "main", prompt: "Design a support bot.", answer: { code: "x = 1", language: "python" } }],
      }),
      receivedAt: 0,
    });
    expect(s.earlier).toEqual([{ kind: "main", prompt: "Design a support bot.", answer: { code: "x = 1", language: "python" } }]);
  });

  it("attaches practice feedback to the question it grades, with the answer given", () => {
    let s = loaded();
    s = roomReducer(s, ev("question:start", info()) as never);
    s = roomReducer(s, { type: "submitting", baseQuestionId: "rag", content: { text: "asdf" } });
    s = roomReducer(s, ev("feedback", { questionId: "rag", score: 0, criteria: [], tip: "Say more." }) as never);
    s = roomReducer(s, ev("question:start", info({ questionId: "cost", baseQuestionId: "cost", title: "Estimate cost" })) as never);
    expect(s.feedback).toMatchObject({ questionTitle: "Design a RAG bot", answer: { text: "asdf" }, event: { score: 0 } });
  });

  it("names the graded question when its feedback arrives after the next question started (grading runs after the step)", () => {
    let s = loaded();
    s = roomReducer(s, ev("question:start", info()) as never);
    s = roomReducer(s, { type: "submitting", baseQuestionId: "rag", content: { text: "asdf" } });
    s = roomReducer(s, ev("question:start", info({ questionId: "cost", baseQuestionId: "cost", title: "Estimate cost" })) as never);
    s = roomReducer(s, ev("feedback", { questionId: "rag", score: 0, criteria: [], tip: "Say more." }) as never);
    expect(s.feedback).toMatchObject({ questionTitle: "Design a RAG bot", answer: { text: "asdf" } });
  });

  it("names the graded question from the server's title after a reload lost the client's titles", () => {
    seq = 0;
    let s = roomReducer(initialRoomState, {
      type: "snapshot",
      snapshot: snapshot({ question: { ...info({ questionId: "cost", baseQuestionId: "cost", title: "Estimate cost" }), text: "" } }),
      receivedAt: 0,
    });
    s = roomReducer(s, ev("feedback", { questionId: "rag", title: "Design a RAG bot", score: 0, criteria: [], tip: "Say more." }) as never);
    expect(s.feedback).toMatchObject({ questionTitle: "Design a RAG bot" });
  });

  it("says where a follow-up sits without counting it as a new question", () => {
    expect(questionPosition(info({ index: 2, totalInRound: 3 }))).toBe("Question 2 of 3");
    expect(questionPosition(info({ kind: "follow-up", index: 1, totalInRound: 1 }))).toBe("Follow-up on question 1 of 1");
  });
});
