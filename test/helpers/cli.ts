import { runCli } from "../../server/cli/index.js";

export type CliRun = { code: number; stdout: string; stderr: string };

/**
 * The CLI in-process, exactly as `npm run cli` runs it minus the process: only
 * the env given here (not the test runner's), paths relative to the repo root.
 */
export async function cli(args: string[], env: Record<string, string> = {}, cwd = process.cwd()): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    cwd,
  });
  return { code, stdout, stderr };
}
