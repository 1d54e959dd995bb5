import { describe, expect, it } from "vitest";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { statesLabels } from "../../server/grading/integrity/label-claims.js";
import { withoutOffTopicTasks } from "../../server/grading/language/index.js";
import { thinTopic } from "../../server/grading/language/thin-topic.js";
import { loadPackDir, loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

// Session 20 (`plain9`): plain orders on a team's thin question, and short answers that state the key points in
// their labels' words. Rows: test/fixtures/plain9/ (scripts/eval/plain9.ts).
const small = loadPackDir("test/fixtures/plain9").pack;
const builtin = loadPacksFromDir(BUILTIN_PACKS_DIR).find((p) => p.id === "ai-engineer")!;
const smallQ = (id: string) => small.questions.find((q) => q.id === id)!;
const builtinQ = (id: string) => builtin.questions.find((q) => q.id === id)!;
const graded = (pack: typeof small, id: string, text: string) => {
  const q = pack.questions.find((x) => x.id === id)!;
  const g = gradeQuestion(q, [{ text }], { pack });
  return { score: questionScore(q.rubric, g.scores), flags: g.flags.map((f) => f.kind) };
};

describe("plain orders on a thin question", () => {
  const order =
    "Shut most of the machines down when nobody is using them, at night and at weekends, and start them again before people log in, because the model takes a while to load.";

  it("a team's question is thin, the built-in pack's are not", () => {
    expect(small.questions.every(thinTopic)).toBe(true);
    expect(builtin.questions.filter((q) => q.kind !== "coding").some(thinTopic)).toBe(false);
  });

  it("an order in the domain's everyday words is the answer, not a task about another topic", () => {
    expect(withoutOffTopicTasks(smallQ("gpu-idle-cost"), order).trim()).toBe(order);
    expect(graded(small, "gpu-idle-cost", order).score).toBeGreaterThan(0);
  });

  it("a task about another topic is still set aside on every question of the thin pack", () => {
    for (const task of [
      "Draft a cover letter for a barista position at a busy cafe.",
      "Sketch a weekly workout schedule with rest days and a way to track progress.",
      "Describe the migration route of monarch butterflies.",
      "Draft an introduction for an essay about climate change.",
    ])
      for (const q of small.questions.filter((x) => x.id !== "thumbs-feedback"))
        expect(withoutOffTopicTasks(q, `We measure it first. ${task}`), `${q.id}: ${task}`).not.toContain(task);
  });
});

describe("short answers that state the key points in their labels' words", () => {
  it("a sentence with a predicate of its own states its labels and earns them", () => {
    const text =
      "The prompt has no reply-language instruction, so add an explicit reply language and an automatic language check on outputs.";
    expect(statesLabels(builtinQ("reply-wrong-language"), text)).toBe(true);
    const g = graded(builtin, "reply-wrong-language", text);
    expect(g.flags).toEqual([]);
    expect(g.score).toBeGreaterThan(0);
  });

  it("the labels as a list, or strung after one frame, are still set aside and earn nothing", () => {
    const q = builtinQ("voice-agent-reads-markdown");
    const list =
      "- prompt written for a screen\n- says the answer is spoken\n- short length limit\n- no markdown, lists or URLs\n- code safety net";
    const framed =
      "We fix it with prompt written for a screen, instructions produce markdown and length, says the answer is spoken, short length limit and code safety net.";
    for (const text of [list, framed]) {
      expect(statesLabels(q, text), text).toBe(false);
      const g = graded(builtin, "voice-agent-reads-markdown", text);
      expect(g.flags.length, text).toBeGreaterThan(0);
      expect(g.score, text).toBe(0);
    }
  });

  it("one verb poured over many labels, or one frame repeated, is no statement", () => {
    const q = smallQ("prompt-change-control");
    expect(statesLabels(q, "Add versioned prompts. Add version logged per request. Add staged rollout.")).toBe(false);
    expect(statesLabels(q, "The answer is versioned prompts. The answer is staged rollout.")).toBe(false);
    expect(statesLabels(q, "Keep versioned prompts with the version logged per request, and make rollback one step.")).toBe(true);
  });

  it("reads a 20,000-character hostile paragraph in time linear in its length", () => {
    const q = builtinQ("voice-agent-reads-markdown");
    const unit = "short length limit, so add no markdown, lists or URLs and ";
    const cpu = (n: number) => {
      const text = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
      const start = process.cpuUsage();
      statesLabels(q, text);
      const used = process.cpuUsage(start);
      return used.user + used.system;
    };
    cpu(2_000);
    const quarter = cpu(5_000);
    const whole = cpu(20_000);
    // Linear is 4x; a quadratic reader is 16x.
    expect(whole).toBeLessThan(Math.max(quarter, 20_000) * 8);
  });
});
