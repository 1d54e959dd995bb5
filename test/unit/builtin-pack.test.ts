import { describe, expect, it } from "vitest";
import { exemplarsWithoutSecrets, loadPacksFromDir, parsePack, RoundKindSchema, sessionPack } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
const questions = pack!.questions;

describe("the built-in ai-engineer pack", () => {
  it("is a practice pack: finished reports show the strong exemplar of every question (none of them reads a secret value)", () => {
    expect(pack!.report.showExemplars).toBe(true);
    // ... and name the key points an answer missed.
    expect(pack!.report.missingPoints).toBe("show");
    const session = sessionPack(pack!, "some-session");
    for (const q of session.questions)
      expect(
        exemplarsWithoutSecrets(q).some((e) => e.level === "strong"),
        q.id,
      ).toBe(true);
  });

  it("leaves a pack that does not say so (a team's, by default) without exemplars in its reports, naming missed key points", () => {
    const minimal = parsePack(
      `id: p\ntitle: P\ndescription: D\nrounds: [{ id: r, kind: behavioural, title: R, minutes: 5 }]\n` +
        `questions:\n  - { id: q, kind: behavioural, level: mid, title: Q, prompt: P, timeGuideMinutes: 5, rubric: [` +
        `{ id: c, title: C, weight: 1, description: D, anchors: { "0": a, "1": b, "2": c, "3": d, "4": e }, evidence: { concepts: [{ label: l, terms: [t] }] } }] }`,
      "p.yaml",
    );
    expect(minimal.report).toEqual({ showExemplars: false, missingPoints: "show" });
  });

  it("has at least 48 questions, at least 12 per round kind (20+ coding), each kind spread over junior, mid and senior", () => {
    expect(questions.length).toBeGreaterThanOrEqual(48);
    expect(questions.filter((q) => q.kind === "coding").length).toBeGreaterThanOrEqual(20);
    for (const kind of RoundKindSchema.options) {
      const ofKind = questions.filter((q) => q.kind === kind);
      expect(ofKind.length, kind).toBeGreaterThanOrEqual(12);
      for (const level of ["junior", "mid", "senior"] as const) {
        expect(ofKind.filter((q) => q.level === level).length, `${kind} ${level}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it("gives every question a 3-6 criterion rubric with probes and strong/adequate/weak exemplars", () => {
    for (const q of questions) {
      expect(q.rubric.length, q.id).toBeGreaterThanOrEqual(3);
      expect(q.rubric.length, q.id).toBeLessThanOrEqual(6);
      expect(
        q.rubric.every((c) => c.probes.length > 0),
        `${q.id} probes`,
      ).toBe(true);
      expect(q.exemplars.map((e) => e.level).sort(), q.id).toEqual(["adequate", "strong", "weak"]);
    }
  });

  it("gives coding questions Python and TypeScript, at least 6 tests with some hidden, and reference solutions", () => {
    for (const q of questions.filter((x) => x.kind === "coding")) {
      expect(Object.keys(q.starterCode ?? {}).sort(), q.id).toEqual(["python", "typescript"]);
      expect(Object.keys(q.coding!.referenceSolution).sort(), q.id).toEqual(["python", "typescript"]);
      expect(q.coding!.tests.length, q.id).toBeGreaterThanOrEqual(6);
      expect(
        q.coding!.tests.some((t) => !t.visible),
        `${q.id} hidden`,
      ).toBe(true);
    }
  });

  it("v2 coding round: LLM-engineering questions only, 10+ tests each on the new ones, several drawn per session", () => {
    const coding = questions.filter((q) => q.kind === "coding");
    for (const generic of ["dedupe-users-by-email", "paginate-dedupe"]) expect(coding.map((q) => q.id)).not.toContain(generic);
    for (const id of [
      "tool-calling-loop",
      "retrieval-metrics",
      "stream-token-budget",
      "semantic-cache-lookup",
      "mcp-tool-dispatch",
      "kv-cache-capacity",
    ]) {
      const q = coding.find((x) => x.id === id);
      expect(q, id).toBeDefined();
      expect(q!.coding!.tests.length, id).toBeGreaterThanOrEqual(10);
    }
    expect(coding.every((q) => (q.topics ?? []).length > 0)).toBe(true);
    expect(coding.filter((q) => q.variables).length).toBeGreaterThanOrEqual(6);
  });

  it("gives design questions real figures (traffic, sizes, prices) and prompt-debugging questions a runnable lab", () => {
    for (const q of questions.filter((x) => x.kind === "system-design")) {
      expect(q.figures.length, q.id).toBeGreaterThanOrEqual(4);
      expect(
        q.figures.some((f) => /usd|\$/i.test(f.unit)),
        `${q.id} has a price`,
      ).toBe(true);
    }
    for (const q of questions.filter((x) => x.kind === "prompt-debugging")) {
      expect(q.promptLab!.cases.length, q.id).toBeGreaterThanOrEqual(3);
    }
  });
});
