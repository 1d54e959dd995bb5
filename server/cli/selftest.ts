import { LevelSchema, type Level } from "../scenarios/index.js";
import { PERSONA_IDS, runSelftest, type PersonaId } from "../selftest/index.js";
import { CliError, parseOptions, type Cli } from "./context.js";
import { loadPacksForCli } from "./load-packs.js";

const USAGE = `usage: npm run -s cli -- selftest <pack dir | pack.yaml | pack id> [--strict] [--sittings N] [--levels junior,mid,senior] [--personas strong,weak,...] [--stall-seconds S]
Sits whole sessions over the socket protocol with synthetic candidates (${PERSONA_IDS.join(", ")})
and checks their scores order as they must and that no session stalls. Exit 0 when all holds, 1 otherwise.`;
const SEE_USAGE = "see npm run -s cli -- selftest --help";
/** Each sitting is a full session per persona and level: more than this is a mistyped number, not a test. */
const MAX_SITTINGS = 100;
const MAX_STALL_SECONDS = 3600;

/** `selftest <pack>`: one line per persona, then every failed check; exit 0 or 1. */
export async function selftestCommand(argv: string[], cli: Cli): Promise<number> {
  const parsed = parseOptions(
    {
      args: argv,
      allowPositionals: true,
      options: {
        strict: { type: "boolean" },
        sittings: { type: "string" },
        levels: { type: "string" },
        personas: { type: "string" },
        "stall-seconds": { type: "string" },
        help: { type: "boolean" },
      },
    },
    SEE_USAGE,
  );
  const { values, positionals } = parsed;
  if (values.help) {
    cli.out(USAGE);
    return 0;
  }
  const target = positionals[0];
  // Digits only: Number() would take "1e9" (a billion sittings) or "0x10".
  const sittings = /^\d{1,3}$/.test(values.sittings ?? "1") ? Number(values.sittings ?? 1) : NaN;
  const stallSeconds = /^\d+(\.\d+)?$/.test(values["stall-seconds"] ?? "30") ? Number(values["stall-seconds"] ?? 30) : NaN;
  const levels = values.levels?.split(",").map((l) => LevelSchema.safeParse(l.trim()));
  const personas = values.personas?.split(",").map((p) => p.trim());
  const badPersona = personas?.find((p) => !(PERSONA_IDS as readonly string[]).includes(p));
  if (!target) throw new CliError(`give the pack to sit (a pack file, folder or id); ${SEE_USAGE}`, 2);
  if (badPersona) throw new CliError(`unknown persona "${badPersona}"; use some of ${PERSONA_IDS.join(", ")}`, 2);
  if (!Number.isInteger(sittings) || sittings < 1 || sittings > MAX_SITTINGS)
    throw new CliError(`--sittings must be a whole number from 1 to ${MAX_SITTINGS} (got "${values.sittings}")`, 2);
  if (!(stallSeconds > 0 && stallSeconds <= MAX_STALL_SECONDS))
    throw new CliError(
      `--stall-seconds must be a number of seconds above 0, at most ${MAX_STALL_SECONDS} (got "${values["stall-seconds"]}")`,
      2,
    );
  if (levels?.some((l) => !l.success)) throw new CliError(`--levels takes a comma-separated list of ${LevelSchema.options.join(", ")}`, 2);
  const packs = loadPacksForCli(target, cli);
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
      onListening: (url) => cli.out(`sitting sessions against ${url}`),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    cli.out(`${pack.id} v${pack.version}: ${result.questionsAsked} questions asked, ${seconds} s`);
    for (const p of result.personas) {
      const about = (lines: string[]) => lines.some((f) => f.startsWith(`${p.persona} (`) || f.startsWith(`${p.persona} should`));
      const mark = p.failed.length || about(result.failures) ? "✗" : about(result.warnings) ? "!" : "✓";
      cli.out(
        `${mark} ${p.persona.padEnd(14)} ${String(p.sessions).padStart(2)} sessions  mean ${p.mean.toFixed(1).padStart(5)}  range ${p.min.toFixed(1)}-${p.max.toFixed(1)}  flags ${p.flags}  (${p.describe})`,
      );
    }
    for (const f of result.failures) cli.out(`  FAIL ${f}`);
    for (const w of result.warnings) cli.out(`  WARN ${w} (known grader gap; --strict fails on it)`);
    ok &&= result.ok;
  }
  return ok ? 0 : 1;
}
