import type { AddressInfo } from "node:net";
import { createApp } from "../app.js";
import type { SandboxOptions } from "../sandbox/index.js";
import { LevelSchema, type Language, type Level, type Pack } from "../scenarios/index.js";
import { seededRandom } from "../scenarios/variants/index.js";
import { StallError } from "./client.js";
import { PERSONA_IDS, PERSONAS, type PersonaId } from "./personas.js";
import { sitSession, type Sitting } from "./sit.js";

export type SelftestOptions = {
  pack: Pack;
  /** Levels to sit (default: every level the pack has questions for). */
  levels?: Level[];
  /** Sessions per level and persona, each drawing different questions (default 1). */
  sittings?: number;
  personas?: PersonaId[];
  /** A session that emits nothing for this long has stalled (default 30 s). */
  stallMs?: number;
  sandbox?: SandboxOptions | null;
  /** Fail (rather than warn) on the known grader gaps too. */
  strict?: boolean;
  onSitting?: (s: Sitting) => void;
  /** Told the URL of the in-process server once it listens (the CLI prints it). */
  onListening?: (url: string) => void;
};

export type PersonaSummary = {
  persona: PersonaId;
  describe: string;
  sessions: number;
  /** Mean overall score (0-100) over this persona's sessions. */
  mean: number;
  min: number;
  max: number;
  flags: number;
  failed: string[];
};

export type SelftestResult = {
  ok: boolean;
  personas: PersonaSummary[];
  /** Orderings and bounds that did not hold, and sessions that stalled or failed. */
  failures: string[];
  /** Checks on KNOWN_GRADER_GAPS personas that did not hold (failures too when strict). */
  warnings: string[];
  questionsAsked: number;
};

/**
 * What every pack must show with synthetic candidates: [higher, lower, margin].
 * The strong candidate beats every other persona; an attack on the grader earns
 * nothing over the answer it is attached to; skipping earns nothing at all.
 */
const ORDER: [PersonaId, PersonaId, number][] = [
  ["strong", "weak", 1],
  ["strong", "gibberish", 1],
  ["strong", "keyword-salad", 1],
  ["strong", "injection", 1],
  ["strong", "skip", 1],
  ["weak", "skip", 0],
];
/** Upper bounds: [persona, bound relative to weak (points), absolute cap]. */
const NOT_ABOVE_WEAK: PersonaId[] = ["injection", "gibberish", "keyword-salad"];
const CAP: Partial<Record<PersonaId, number>> = { skip: 0, gibberish: 10 };

/**
 * Personas whose checks only warn (fail with --strict): grader gaps known and
 * being worked on. Empty since grader coverage-2 sets keyword lists aside in
 * prose and in the code box; add an id here only with the reason.
 */
export const KNOWN_GRADER_GAPS: PersonaId[] = [];

/**
 * The exemplar a persona answers with stands in for an original answer of that
 * quality, so, as in calibration, it is withheld from the copies the grader
 * checks against (every other exemplar still counts as a model answer). Each
 * such persona sits a copy of the pack without its own exemplars, registered
 * under its own id.
 */
const ANSWERS_WITH: Partial<Record<PersonaId, "strong" | "weak">> = { strong: "strong", weak: "weak", injection: "weak" };

function packFor(pack: Pack, persona: PersonaId): Pack {
  const level = ANSWERS_WITH[persona];
  if (!level) return pack;
  return {
    ...pack,
    id: `${pack.id}--as-${persona}`,
    questions: pack.questions.map((q) => ({ ...q, exemplars: q.exemplars.filter((e) => e.level !== level) })),
  };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * Sit whole sessions against the real app (in-process, port 0, SQLite in
 * memory, a real socket.io client) with each synthetic candidate, and check
 * that scores order as they must and that no session stalls. Every persona
 * sits the same questions: the plan's random draw is reset per sitting.
 */
export async function runSelftest(options: SelftestOptions): Promise<SelftestResult> {
  const { pack } = options;
  const personas = options.personas ?? [...PERSONA_IDS];
  const levels = options.levels ?? LevelSchema.options.filter((l) => pack.questions.some((q) => q.level === l));
  const sittings = options.sittings ?? 1;
  const stallMs = options.stallMs ?? 30_000;
  let draw = seededRandom("selftest");
  const app = await createApp({
    databaseFile: ":memory:",
    builtinPacks: [...new Set(personas.map((id) => packFor(pack, id)))],
    clientDist: null,
    // Its own in-memory server with the selftest as its only client: sittings start sessions faster than a person.
    rateLimits: null,
    random: () => draw(),
    ...(options.sandbox !== undefined ? { sandbox: options.sandbox } : {}),
  });
  const results: Sitting[] = [];
  const failures: string[] = [];
  try {
    await new Promise<void>((resolve) => app.httpServer.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
    options.onListening?.(url);
    const runnable = (["python", "typescript"] as Language[]).filter((l) => app.sandbox?.capabilities[l].available);
    for (const level of levels) {
      for (let i = 0; i < sittings; i++) {
        for (const id of personas) {
          draw = seededRandom(`selftest:${level}:${i}`); // the same questions for every persona
          try {
            const sitting = await sitSession({ url, pack, packKey: packFor(pack, id).id, level, persona: PERSONAS[id], runnable, stallMs });
            results.push(sitting);
            options.onSitting?.(sitting);
          } catch (err) {
            failures.push(`${id} (${level}, sitting ${i + 1}): ${err instanceof StallError ? "stalled: " : ""}${(err as Error).message}`);
          }
        }
      }
    }
  } finally {
    await app.close();
  }

  const of = (id: PersonaId) => results.filter((r) => r.persona === id);
  const summaries: PersonaSummary[] = personas.map((id) => {
    const scores = of(id).map((r) => r.overall);
    return {
      persona: id,
      describe: PERSONAS[id].describe,
      sessions: scores.length,
      mean: mean(scores),
      min: scores.length ? Math.min(...scores) : 0,
      max: scores.length ? Math.max(...scores) : 0,
      flags: of(id).reduce((n, r) => n + r.flags, 0),
      failed: failures.filter((f) => f.startsWith(`${id} (`)),
    };
  });
  const summary = (id: PersonaId) => summaries.find((s) => s.persona === id);
  const warnings: string[] = [];
  const fail = (message: string, ...about: PersonaId[]) =>
    (!options.strict && about.some((id) => KNOWN_GRADER_GAPS.includes(id)) ? warnings : failures).push(message);
  const fmt = (x: number) => x.toFixed(1);
  for (const [hi, lo, margin] of ORDER) {
    const a = summary(hi);
    const b = summary(lo);
    if (!a?.sessions || !b?.sessions) continue;
    if (!(a.mean >= b.mean + margin)) fail(`${hi} (${fmt(a.mean)}) should score above ${lo} (${fmt(b.mean)})`, hi, lo);
  }
  const weak = summary("weak");
  for (const id of NOT_ABOVE_WEAK) {
    const s = summary(id);
    if (s?.sessions && weak?.sessions && s.mean > weak.mean + 1)
      fail(`${id} (${fmt(s.mean)}) should earn no more than weak answers (${fmt(weak.mean)})`, id);
  }
  for (const [id, cap] of Object.entries(CAP) as [PersonaId, number][]) {
    const s = summary(id);
    if (s?.sessions && s.max > cap) fail(`${id} should score at most ${cap}; a session scored ${fmt(s.max)}`, id);
  }
  // Question by question: the strong answer beats the weak one wherever both sat it.
  const strong = of("strong");
  for (const w of of("weak")) {
    const twin = strong.find(
      (s) => s.level === w.level && JSON.stringify(Object.keys(s.questions)) === JSON.stringify(Object.keys(w.questions)),
    );
    for (const [qid, score] of Object.entries(w.questions)) {
      const best = twin?.questions[qid];
      if (best !== undefined && !(best > score))
        failures.push(`question "${qid}": strong scored ${fmt(best)}, not above weak (${fmt(score)})`);
    }
  }
  const asked = new Set(results.flatMap((r) => Object.keys(r.questions)));
  return { ok: failures.length === 0, personas: summaries, failures, warnings, questionsAsked: asked.size };
}
