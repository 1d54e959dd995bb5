import { calibrateCommand } from "./cli/calibrate.js";
import { gradeCommand } from "./cli/grade.js";
import { runCodeCommand } from "./cli/run-code.js";
import { selftestCommand } from "./cli/selftest.js";
import { teamCommand } from "./cli/team.js";
import { validateCommand } from "./cli/validate.js";
import { ConfigError } from "./config.js";

/** `npm run -s cli -- <command> ...`: tools for pack authors and operators. */
const COMMANDS: Record<string, (args: string[]) => number | Promise<number>> = {
  validate: validateCommand,
  calibrate: calibrateCommand,
  grade: gradeCommand,
  team: teamCommand,
  "run-code": runCodeCommand,
  selftest: selftestCommand,
};

const [command, ...args] = process.argv.slice(2);
const run = command ? COMMANDS[command] : undefined;
if (!run) {
  console.error(`usage: npm run -s cli -- <command>\ncommands: ${Object.keys(COMMANDS).join(", ")}`);
  process.exit(2);
}
try {
  process.exit(await run(args));
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
