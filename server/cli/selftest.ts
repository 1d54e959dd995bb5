import { loadPacksForCli } from "./load-packs.js";
import { parseArgs } from "node:util";
import { LevelSchema, type Level } from "../scenarios/index.js";
import { PERSONA_IDS, runSelftest, type PersonaId } from "../selftest/index.js";

const USAGE = `usage: npm run -s cli -- selftest <pack dir | pack.yaml> [--strict] [--sittings N] [--levels junior,mid,senior] [--personas strong,weak,...] [--stall-seconds S]
Sits whole sessions over the socket protocol with synthetic candidates (${PERSONA_IDS.join(", ")})
and checks their scores order as they must and that no session stalls. Exit 0 when all holds, 1 otherwise.`;

/** `selftest <pack>`: one line per persona, then every failed check; exit 0 or 1. */
export async function selftestCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        strict: { type: "boolean" },
        sittings: { type: "string" },
        levels: { type: "string" },
        personas: { type: "string" },
        "stall-seconds": { type: "string" },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const target = positionals[0];
  const sittings = Number(values.sittings ?? 1);
  const stallSeconds = Number(values["stall-seconds"] ?? 30);
  const levels = values.levels?.split(",").map((l) => LevelSchema.safeParse(l.trim()));
  const personas = values.personas?.split(",").map((p) => p.trim());
  const badPersona = personas?.find((p) => !(PERSONA_IDS as readonly string[]).includes(p));
  if (!target || !Number.isInteger(sittings) || sittings < 1 || !(stallSeconds > 0) || levels?.some((l) => !l.success) || badPersona) {
    console.error(badPersona ? `unknown persona "${badPersona}"; known: ${PERSONA_IDS.join(", ")}\n${USAGE}` : USAGE);
    return 2;
  }
  const loaded = loadPacksForCli(target);
  if ("exitCode" in loaded) return loaded.exitCode;
  const { packs } = loaded;
  let ok = true;
  for (const { pack } of packs) {
    const started = performance.now();
    const result = await runSelftest({
      pack,
      sittings,
      stallMs: stallSeconds * 1000,
      strict: values.strict === true,
      ...(levels ? { levels: levels.map((l) => l.data as Level) } : {}),
      ...(personas ? { personas: personas as PersonaId[] } : {}),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${pack.id} v${pack.version}: ${result.questionsAsked} questions asked, ${seconds} s`);
    for (const p of result.personas) {
      const about = (lines: string[]) => lines.some((f) => f.startsWith(`${p.persona} (`) || f.startsWith(`${p.persona} should`));
      const mark = p.failed.length || about(result.failures) ? "✗" : about(result.warnings) ? "!" : "✓";
      console.log(
        `${mark} ${p.persona.padEnd(14)} ${String(p.sessions).padStart(2)} sessions  mean ${p.mean.toFixed(1).padStart(5)}  range ${p.min.toFixed(1)}-${p.max.toFixed(1)}  flags ${p.flags}  (${p.describe})`,
      );
    }
    for (const f of result.failures) console.log(`  FAIL ${f}`);
    for (const w of result.warnings) console.log(`  WARN ${w} (known grader gap; --strict fails on it)`);
    ok &&= result.ok;
  }
  return ok ? 0 : 1;
}
