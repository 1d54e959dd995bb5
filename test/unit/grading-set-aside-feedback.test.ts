import { describe, expect, it } from "vitest";
import { gradeOne, oneCriterionPack } from "../helpers/one-criterion.js";
import { setAsideReason } from "../../server/grading/set-aside.js";

const STRONG =
  "A write-ahead log records every change before the data pages are written, so after a crash the database replays the log to redo committed work and undo what never committed. Because the log is appended sequentially, writing it is cheap, and checkpoints bound how much of it recovery has to replay.";
const pack = oneCriterionPack({
  id: "wal",
  prompt: "What is a write-ahead log for in a database?",
  concepts: [
    { label: "log before data", terms: ["before the data", "write-ahead", "logged first"] },
    { label: "crash recovery by replay", terms: ["replay", "redo", "recover"] },
    { label: "sequential appends are cheap", terms: ["sequential", "append"] },
    { label: "checkpoints bound replay", terms: ["checkpoint"] },
  ],
  exemplars: [
    { level: "strong", answer: STRONG, score: 4 },
    { level: "weak", answer: "It is a log file for debugging the database.", score: 0 },
  ],
});

describe("an answer emptied by what was set aside says what it was", () => {
  it("a keyword list", () => {
    const g = gradeOne(pack, "write-ahead, replay, redo, recover, sequential, append, checkpoint, before the data, logged first, crash");
    expect(g.criterion.insufficientEvidence).toBe(true);
    expect(g.criterion.setAside).toEqual(["keyword-list"]);
    expect(g.criterion.feedback).toContain("a list of keywords");
    expect(g.criterion.feedback).not.toContain("aimed at the grader");
  });

  it("a copy of the model answer", () => {
    const g = gradeOne(pack, STRONG);
    expect(g.criterion.setAside).toEqual(["copied-model-answer"]);
    expect(g.criterion.feedback).toContain("a copy of the model answer");
  });

  it("several kinds are all named; no flag falls back to text aimed at the grader", () => {
    const flag = (kind: "keyword-list" | "grader-instruction") => ({ kind, message: "", quote: "" });
    expect(setAsideReason([flag("grader-instruction"), flag("keyword-list"), flag("keyword-list")]).feedback).toContain(
      "text aimed at the grader and a list of keywords are set aside",
    );
    expect(setAsideReason([flag("keyword-list")]).codes).toEqual(["keyword-list"]);
    expect(setAsideReason([]).feedback).toContain("text aimed at the grader is set aside");
  });
});

describe("a key point dropped by the per-sentence cap", () => {
  it("is reported as named but not counted, not as not shown", () => {
    const g = gradeOne(
      pack,
      "The log is written before the data and replayed to recover after a crash, appended sequentially, with a checkpoint.",
    );
    expect(g.criterion.feedback).toContain("Named but not counted");
    const notShown = /Not shown: ([^.]*)\./.exec(g.criterion.feedback)?.[1] ?? "";
    expect(notShown).not.toContain("checkpoints bound replay");
  });

  it("a point really missing is still not shown", () => {
    const g = gradeOne(pack, "The change is logged first, before the data pages. After a crash the database replays it to recover.");
    expect(g.criterion.feedback).toContain("Not shown:");
    expect(g.criterion.feedback).not.toContain("Named but not counted");
  });
});
