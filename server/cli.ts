import { runCli } from "./cli/index.js";

/** The process around the CLI: argv, the real streams and env; exit once stdout has drained. */
const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
process.stdout.write("", () => process.exit(code));
