import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkFaultClass, checkFixedPrompt } from "../../server/grading/checks/prompt-debugging.js";
import { checkQuantitative } from "../../server/grading/checks/quantitative.js";
import { checkStar } from "../../server/grading/checks/structure.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR, SECRET_PACK_FIELDS } from "../helpers/packs.js";

const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
const questions = pack!.questions;
const strongAnswer = (id: string) => questions.find((q) => q.id === id)!.exemplars.find((e) => e.level === "strong")!.answer;
/** The questions written for v2 (questions/*-v2*.yaml): the exemplar checks below hold them to the full bar. */
const questionsDir = join(BUILTIN_PACKS_DIR, "ai-engineer", "questions");
const v2Ids = new Set(
  readdirSync(questionsDir)
    .filter((f) => /-v2[a-z]?\.yaml$/.test(f))
    .flatMap((f) => (parse(readFileSync(join(questionsDir, f), "utf8")) as { id: string }[]).map((q) => q.id)),
);
const v2 = questions.filter((q) => v2Ids.has(q.id));

describe("the built-in ai-engineer pack, v2 depth", () => {
  it("loads the v2 question files", () => {
    expect(v2.length).toBe(v2Ids.size);
    expect(v2.length).toBeGreaterThanOrEqual(36);
  });

  it("has at least 24 system-design, prompt-debugging and behavioural questions, at least 6 per level", () => {
    for (const kind of ["system-design", "prompt-debugging", "behavioural"] as const) {
      const ofKind = questions.filter((q) => q.kind === kind);
      expect(ofKind.length, kind).toBeGreaterThanOrEqual(24);
      for (const level of ["junior", "mid", "senior"] as const) {
        expect(ofKind.filter((q) => q.level === level).length, `${kind} ${level}`).toBeGreaterThanOrEqual(6);
      }
    }
  });

  it("gives every v2 system-design question a strong answer whose arithmetic starts from the figures and checks out", () => {
    for (const q of v2.filter((x) => x.kind === "system-design")) {
      const check = checkQuantitative(strongAnswer(q.id), q.figures);
      expect(check.passed, `${q.id}: ${check.note}`).toBe(true);
    }
  });

  it("gives every v2 prompt-debugging question a strong answer that names the failing layer and writes out the fixed prompt", () => {
    for (const q of v2.filter((x) => x.kind === "prompt-debugging")) {
      const answer = strongAnswer(q.id);
      expect(checkFaultClass(answer).passed, `${q.id} fault class`).toBe(true);
      expect(checkFixedPrompt(answer).passed, `${q.id} fixed prompt`).toBe(true);
    }
  });

  it("gives every v2 behavioural question a strong story with situation, task, action, result and reflection", () => {
    for (const q of v2.filter((x) => x.kind === "behavioural")) {
      const parts = checkStar(strongAnswer(q.id), ["situation", "task", "action", "result", "reflection"]);
      expect(
        parts.filter((p) => !p.passed).map((p) => p.label),
        q.id,
      ).toEqual([]);
    }
  });

  it("names no criterion after a secret field, so per-criterion feedback on the wire never looks like a leaked rubric", () => {
    const clashes = questions.flatMap((q) =>
      q.rubric.filter((c) => (SECRET_PACK_FIELDS as readonly string[]).includes(c.id)).map((c) => `${q.id}#${c.id}`),
    );
    expect(clashes).toEqual([]);
  });

  it("keeps every question's topic distinct: no two questions share a title", () => {
    const titles = questions.map((q) => q.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
  });
});
