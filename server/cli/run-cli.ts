import { ConfigError } from "../config.js";
import { calibrateCommand } from "./calibrate.js";
import { CliError, createCli, oneLine, type Cli, type CliIo } from "./context.js";
import { gradeCommand } from "./grade.js";
import { runCodeCommand } from "./run-code.js";
import { selftestCommand } from "./selftest.js";
import { teamCommand } from "./team.js";
import { validateCommand } from "./validate.js";

/** `npm run -s cli -- <command> ...`: tools for pack authors and operators. */
const COMMANDS: Record<string, (args: string[], cli: Cli) => number | Promise<number>> = {
  validate: validateCommand,
  calibrate: calibrateCommand,
  grade: gradeCommand,
  team: teamCommand,
  "run-code": runCodeCommand,
  selftest: selftestCommand,
};

/**
 * The whole CLI as a function: run one command line and resolve with its exit
 * code (0 done, 1 failed, 2 wrong usage). Output goes to io, never to the
 * process, so tests call this in-process; server/cli.ts is the process wrapper.
 * Every error a user can fix is one line on stderr saying what to do.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const cli = createCli(io);
  const [command, ...args] = argv;
  if (command === "--help" || command === "-h" || command === "help") {
    cli.out(`usage: npm run -s cli -- <command> ...; commands: ${Object.keys(COMMANDS).join(", ")}; each takes --help`);
    return 0;
  }
  const run = command ? COMMANDS[command] : undefined;
  if (!run) {
    const what = command ? `unknown command "${command}"` : "no command given";
    cli.err(`${what}; use one of ${Object.keys(COMMANDS).join(", ")} (each takes --help), e.g. npm run -s cli -- validate scenarios`);
    return 2;
  }
  try {
    return await run(args, cli);
  } catch (err) {
    if (err instanceof CliError) {
      cli.err(oneLine(err.message));
      return err.exitCode;
    }
    if (err instanceof ConfigError) {
      // "Invalid configuration:\n  KEY=value: problem" per variable, folded onto one line.
      const problems = err.message
        .split("\n")
        .slice(1)
        .map((l) => l.trim());
      cli.err(`invalid configuration: ${problems.join("; ")}; fix the environment variable${problems.length > 1 ? "s" : ""} and run again`);
      return 2;
    }
    // A bug, not a usage problem: still one line, with the stack on request.
    const e = err as Error;
    cli.err(`${command} failed unexpectedly: ${String(e?.message ?? err).split("\n")[0]} (set CLI_DEBUG=1 for the stack)`);
    if (io.env.CLI_DEBUG) cli.err(String(e?.stack ?? err));
    return 1;
  }
}
