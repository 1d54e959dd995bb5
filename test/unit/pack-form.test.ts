import { describe, expect, it } from "vitest";
import {
  addItem,
  conceptsToText,
  ensureRounds,
  NEW_QUESTION,
  readForm,
  removeItem,
  setField,
  textToConcepts,
} from "../../client/src/team/pack-form.js";
import { STARTER_PACK } from "../../client/src/team/starter.js";
import { parsePack } from "../../server/scenarios/index.js";

describe("the pack form view's YAML round trip", () => {
  it("reads the starter pack into form fields", () => {
    const form = readForm(STARTER_PACK)!;
    expect(form).toMatchObject({
      id: "my-pack",
      questions: [{ id: "failure-story", kind: "behavioural", rubric: [{ id: "star", weight: 1 }] }],
    });
    expect(form.questions[0]!.rubric[0]!.anchors[4]).toBe("All four parts with a measured result.");
    expect(form.questions[0]!.exemplars.map((e) => e.scores.star)).toEqual([4, 3, 0]);
  });

  it("edits keep the author's comments and unshown fields, and the result still validates", () => {
    let text = setField(STARTER_PACK, ["title"], "Support engineer pack");
    text = setField(
      text,
      ["questions", 0, "rubric", 0, "evidence", "concepts"],
      textToConcepts("result: went from, measured\nowner: i owned"),
    );
    text = setField(text, ["questions", 0, "exemplars", 1, "scores", "star"], 2);
    expect(text).toContain("# The whole format: docs/scenario-format.md");
    expect(text).toContain("probes:");
    const pack = parsePack(text, "form");
    expect(pack.title).toBe("Support engineer pack");
    expect(pack.questions[0]!.rubric[0]!.evidence.concepts).toEqual([
      { label: "result", terms: ["went from", "measured"] },
      { label: "owner", terms: ["i owned"] },
    ]);
    expect(pack.questions[0]!.exemplars[1]!.scores.star).toBe(2);
  });

  it("sets and clears how many concepts a full answer needs, and the pack still validates", () => {
    const path = ["questions", 0, "rubric", 0, "evidence"];
    let text = setField(STARTER_PACK, [...path, "concepts"], textToConcepts("result: went from\nowner: i owned\nlesson: learned"));
    expect(readForm(text)!.questions[0]!.rubric[0]!.enough).toBeUndefined();
    text = setField(text, [...path, "enough"], 2);
    expect(readForm(text)!.questions[0]!.rubric[0]!.enough).toBe(2);
    expect(parsePack(text, "form").questions[0]!.rubric[0]!.evidence.enough).toBe(2);
    text = removeItem(text, [...path, "enough"]);
    expect(readForm(text)!.questions[0]!.rubric[0]!.enough).toBeUndefined();
    expect(parsePack(text, "form").questions[0]!.rubric[0]!.evidence.enough).toBeUndefined();
  });

  it("turns the report's exemplars on and off (off when the pack does not say), and the pack still validates", () => {
    expect(readForm(STARTER_PACK)!.showExemplars).toBe(false);
    expect(parsePack(STARTER_PACK, "form").report.showExemplars).toBe(false);
    const on = setField(STARTER_PACK, ["report", "showExemplars"], true);
    expect(readForm(on)!.showExemplars).toBe(true);
    expect(parsePack(on, "form").report).toEqual({ showExemplars: true, missingPoints: "show" });
    const off = setField(on, ["report", "showExemplars"], false);
    expect(readForm(off)!.showExemplars).toBe(false);
    expect(parsePack(off, "form").report.showExemplars).toBe(false);
  });

  it("keeps the answer key private and shows it again (shown when the pack does not say), and the pack still validates", () => {
    expect(readForm(STARTER_PACK)!.hideMissingPoints).toBe(false);
    expect(parsePack(STARTER_PACK, "form").report.missingPoints).toBe("show");
    const hidden = setField(STARTER_PACK, ["report", "missingPoints"], "hide");
    expect(readForm(hidden)!.hideMissingPoints).toBe(true);
    expect(parsePack(hidden, "form").report).toEqual({ showExemplars: false, missingPoints: "hide" });
    const shown = setField(hidden, ["report", "missingPoints"], "show");
    expect(readForm(shown)!.hideMissingPoints).toBe(false);
    expect(parsePack(shown, "form").report.missingPoints).toBe("show");
  });

  it("adds a question of a new kind with its round, and removes it again", () => {
    let text = addItem(STARTER_PACK, ["questions"], { ...NEW_QUESTION(2), kind: "system-design" });
    text = ensureRounds(text);
    const pack = parsePack(text, "form");
    expect(pack.rounds.map((r) => r.kind)).toEqual(["behavioural", "system-design"]);
    expect(pack.questions.map((q) => q.id)).toEqual(["failure-story", "question-2"]);
    expect(readForm(removeItem(text, ["questions", 1]))!.questions).toHaveLength(1);
  });

  it("leaves unreadable YAML alone (the YAML view shows why)", () => {
    expect(readForm("id: [unclosed")).toBeNull();
    expect(setField("id: [unclosed", ["title"], "x")).toBe("id: [unclosed");
  });

  it("turns concept lines into concepts and back", () => {
    const concepts = textToConcepts(" retries: backoff, jitter \n\nidempotency");
    expect(concepts).toEqual([
      { label: "retries", terms: ["backoff", "jitter"] },
      { label: "idempotency", terms: ["idempotency"] },
    ]);
    expect(textToConcepts(conceptsToText(concepts))).toEqual(concepts);
  });

  it("keeps a concept's plain phrasings, which the lines do not show, through an edit of its terms", () => {
    const before = [{ label: "early stopping", terms: ["early stopping"], plain: ["stop train* when valid*"] }];
    expect(textToConcepts("early stopping: early stopping, best checkpoint\nlearning rate: lower", before)).toEqual([
      { label: "early stopping", terms: ["early stopping", "best checkpoint"], plain: ["stop train* when valid*"] },
      { label: "learning rate", terms: ["lower"] },
    ]);
    const text = setField(STARTER_PACK, ["questions", 0, "rubric", 0, "evidence", "concepts"], before);
    expect(readForm(text)!.questions[0]!.rubric[0]!.concepts).toEqual(before);
    expect(parsePack(text, "form").questions[0]!.rubric[0]!.evidence.concepts[0]!.plain).toEqual(before[0]!.plain);
  });
});
