import { describe, expect, it } from "vitest";
import { loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import { KNOWN_GRADER_GAPS } from "../../server/selftest/run.js";
import { PERSONA_IDS, runSelftest } from "../../server/selftest/index.js";
import { cli } from "../helpers/cli.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

// Whole sessions over the real socket protocol; generous bounds for a loaded 2-core machine.
// A stall is detected by progress (no event for stallMs), never by sleeping.
const STALL_MS = 90_000;

describe("the simulated-candidate self-test", () => {
  it("sits the built-in pack with every persona: strong beats the rest, attacks and skips earn nothing, nothing stalls", async () => {
    const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
    const result = await runSelftest({ pack: pack!, levels: ["mid"], stallMs: STALL_MS });
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.personas.map((p) => p.persona)).toEqual([...PERSONA_IDS]);
    const by = Object.fromEntries(result.personas.map((p) => [p.persona, p]));
    for (const p of result.personas) expect(p.sessions, p.persona).toBe(1);
    expect(result.questionsAsked).toBe(pack!.rounds.length);
    expect(by.strong!.mean).toBeGreaterThan(60);
    expect(by.strong!.mean).toBeGreaterThan(by.weak!.mean);
    expect(by.weak!.mean).toBeGreaterThanOrEqual(by.gibberish!.mean);
    expect(by.injection!.mean).toBeLessThanOrEqual(by.weak!.mean + 1);
    expect(by.injection!.flags).toBeGreaterThan(0);
    expect(by.skip!.max).toBe(0);
    expect(by["keyword-salad"]!.mean).toBeLessThanOrEqual(by.weak!.mean + 1);
    // Known grader gaps are reported, not hidden (none are listed today).
    for (const w of result.warnings) expect(KNOWN_GRADER_GAPS.some((id) => w.includes(id))).toBe(true);
  }, 600_000);

  it("fails a pack whose 'strong' answers are not strong, naming the ordering and the question", async () => {
    const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
    const weakOf = (q: Pack["questions"][number]) => q.exemplars.find((x) => x.level === "weak")!.answer;
    const swapped: Pack = {
      ...pack!,
      questions: pack!.questions.map((q) => ({
        ...q,
        exemplars: q.exemplars.map((e) => (e.level === "strong" ? { ...e, answer: `${weakOf(q)}\n` } : e)),
        ...(q.coding ? { coding: { ...q.coding, referenceSolution: { python: weakOf(q), typescript: weakOf(q) } } } : {}),
      })),
    };
    const result = await runSelftest({ pack: swapped, levels: ["junior"], personas: ["strong", "weak"], stallMs: STALL_MS });
    expect(result.ok).toBe(false);
    expect(result.failures.some((f) => /^strong \([\d.]+\) should score above weak/.test(f))).toBe(true);
    expect(result.failures.some((f) => /^question "[a-z-]+": strong scored/.test(f))).toBe(true);
  }, 300_000);

  it("the CLI command (given a pack id) prints the server's URL, one line per persona, and exits 0", async () => {
    const r = await cli([
      "selftest",
      "ai-engineer",
      "--levels",
      "senior",
      "--personas",
      "strong,skip",
      "--stall-seconds",
      String(STALL_MS / 1000),
    ]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const out = r.stdout.split("\n");
    expect(out[0]).toMatch(/^sitting sessions against http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(out[0]!.split(":").at(-1))).toBeGreaterThan(0);
    expect(out[1]).toMatch(/^ai-engineer v\d+: 4 questions asked/);
    expect(out.filter((l) => /^✓ (strong|skip)\s+1 sessions\s+mean/.test(l))).toHaveLength(2);
  }, 300_000);
});
