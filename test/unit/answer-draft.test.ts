import { describe, expect, it } from "vitest";
import {
  codeIn,
  draftContent,
  draftReducer,
  initialDraftState,
  saveStatusText,
  submittable,
  type DraftAction,
  type DraftState,
} from "../../client/src/room/answer-draft.js";

const coding = {
  languages: ["python", "typescript"] as ("python" | "typescript")[],
  answerFormat: "code" as const,
  starterCode: { python: "def f():\n    pass\n", typescript: "export function f() {}\n" },
};
const written = { languages: [], answerFormat: "text" as const, starterCode: undefined };

const apply = (state: DraftState, ...actions: DraftAction[]) => actions.reduce(draftReducer, state);

describe("the answer box's state", () => {
  it("starts from the saved draft, else the code a follow-up builds on, else empty with the starter code", () => {
    const saved = { questionId: "q", text: "notes", code: "print(1)", language: "typescript" as const, savedAt: 1_000, revision: 1 };
    const fromDraft = initialDraftState(coding, saved, { code: "ignored", language: "python" });
    expect(fromDraft).toMatchObject({ text: "notes", language: "typescript", codeByLanguage: { typescript: "print(1)" } });
    expect(fromDraft.status).toEqual({ kind: "saved", at: 1_000 });

    const fromCarryOver = initialDraftState(coding, null, { code: "x = 1", language: "typescript" });
    expect(fromCarryOver).toMatchObject({
      text: "",
      language: "typescript",
      codeByLanguage: { typescript: "x = 1" },
      status: { kind: "idle" },
    });

    const fresh = initialDraftState(coding, null, null);
    expect(fresh.language).toBe("python");
    expect(codeIn(fresh, coding)).toBe(coding.starterCode.python);
    // A carried-over language the question does not offer falls back to its first language.
    expect(initialDraftState({ ...coding, languages: ["python"] }, null, { code: "y", language: "typescript" }).language).toBe("python");
    // A question naming no language answers in Python.
    expect(initialDraftState(written, null, null).language).toBe("python");
  });

  it("keeps the code per language, so switching language and back loses nothing", () => {
    const s = apply(initialDraftState(coding, null, null), { type: "code", code: "py work" }, { type: "language", language: "typescript" });
    expect(codeIn(s, coding)).toBe(coding.starterCode.typescript);
    const back = apply(s, { type: "code", code: "ts work" }, { type: "language", language: "python" });
    expect(codeIn(back, coding)).toBe("py work");
    expect(codeIn(back, coding, "typescript")).toBe("ts work");
    expect(draftContent(back, coding)).toEqual({ code: "py work", language: "python", text: "" });
  });

  it("saves everything typed as a draft but submits only the non-blank parts", () => {
    const s = apply(initialDraftState(coding, null, null), { type: "text", text: "   " }, { type: "code", code: "return 1" });
    expect(draftContent(s, coding)).toEqual({ code: "return 1", language: "python", text: "   " });
    expect(submittable(draftContent(s, coding))).toEqual({ code: "return 1", language: "python" });
    expect(submittable(draftContent(apply(s, { type: "code", code: "  \n" }), coding))).toBeNull();
    const w = apply(initialDraftState(written, null, null), { type: "text", text: "An answer" });
    expect(draftContent(w, written)).toEqual({ text: "An answer" });
    expect(submittable({ text: " \n " })).toBeNull();
  });

  it("shows the newest save's outcome: an older save finishing late changes nothing", () => {
    let s = apply(initialDraftState(written, null, null), { type: "save-started" });
    expect(s.status).toEqual({ kind: "saving", attempt: 1 });
    s = apply(s, { type: "save-started" });
    // The first save answers after the second started: ignored, whether it worked or failed.
    expect(apply(s, { type: "save-done", attempt: 1, at: 5 }).status).toEqual({ kind: "saving", attempt: 2 });
    expect(apply(s, { type: "save-failed", attempt: 1, message: "offline" }).status).toEqual({ kind: "saving", attempt: 2 });
    expect(apply(s, { type: "save-failed", attempt: 2, message: "offline" }).status).toEqual({ kind: "failed", message: "offline" });
    expect(apply(s, { type: "save-done", attempt: 2, at: 7 }).status).toEqual({ kind: "saved", at: 7 });
    expect(saveStatusText({ kind: "failed", message: "offline" })).toBe("Autosave failed: offline");
    expect(saveStatusText({ kind: "saving", attempt: 3 })).toBe("Saving…");
    expect(saveStatusText({ kind: "idle" })).toBe("");
    expect(saveStatusText({ kind: "saved", at: Date.UTC(2026, 0, 1, 9, 5, 7) })).toMatch(/^Saved \d\d:\d\d:\d\d$/);
  });

  it("empties text and code once the answer is accepted (starter code shows again), keeping the language", () => {
    const s = apply(
      initialDraftState(coding, null, null),
      { type: "language", language: "typescript" },
      { type: "code", code: "mine" },
      { type: "text", text: "why" },
      { type: "submitted" },
    );
    expect(s.text).toBe("");
    expect(s.language).toBe("typescript");
    expect(codeIn(s, coding)).toBe(coding.starterCode.typescript);
  });

  it("a stale save (another tab saved newer text) holds the box as it is until the candidate loads the newer draft", () => {
    const newer = {
      questionId: "q",
      text: "from the other tab",
      code: "print(2)",
      language: "typescript" as const,
      savedAt: 5_000,
      revision: 4,
    };
    const typed = apply(initialDraftState(coding, null, null), { type: "text", text: "mine" }, { type: "save-started" });
    const stale = apply(typed, { type: "save-stale", attempt: 1, newer });
    expect(stale.status).toEqual({ kind: "stale", newer });
    expect(stale.text).toBe("mine");
    expect(saveStatusText(stale.status)).toMatch(/^Not saved: another tab saved newer text at \d\d:\d\d:\d\d$/);
    // An older attempt's refusal does not replace a newer status.
    expect(apply(typed, { type: "save-started" }, { type: "save-stale", attempt: 1, newer }).status.kind).toBe("saving");
    const loaded = apply(stale, { type: "load-draft", draft: newer });
    expect(loaded).toMatchObject({ text: "from the other tab", language: "typescript", status: { kind: "saved", at: 5_000 } });
    expect(codeIn(loaded, coding)).toBe("print(2)");
  });
});
