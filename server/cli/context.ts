import { existsSync, statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { loadConfig, type Config } from "../config.js";
import { FileTooLargeError, readBoundedText } from "../files/index.js";

/** Where the CLI writes and what it reads: the process's own, or a test's. */
export type CliIo = {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  /** Paths the user types, and relative paths in env, are resolved against this. */
  cwd: string;
};

/** What a command gets instead of console/process: line output, the env and path resolution. */
export type Cli = {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** A path as the user typed it, made absolute against the CLI's working directory. */
  path(p: string): string;
  /** The server's configuration from this CLI's env (DATA_DIR, PACKS_DIR, ... as the server reads them). */
  config(): Config;
};

/**
 * A failure the user can fix: printed as its one-line message (which says what
 * to do), exit code 1 by default or 2 for wrong usage. Never a stack trace.
 */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** Relative DATA_DIR, PACKS_DIR and CLIENT_DIST count from the CLI's working directory, as in a shell. */
const PATH_VARIABLES = ["DATA_DIR", "PACKS_DIR", "CLIENT_DIST"] as const;

export function createCli(io: CliIo): Cli {
  const line = (stream: { write(text: string): unknown }) => (text: string) => void stream.write(`${text}\n`);
  const path = (p: string) => (isAbsolute(p) ? p : resolve(io.cwd, p));
  return {
    out: line(io.stdout),
    err: line(io.stderr),
    env: io.env,
    cwd: io.cwd,
    path,
    config() {
      const env = { ...io.env };
      for (const key of PATH_VARIABLES) if (env[key]) env[key] = path(env[key]);
      // Unset ones default to ./data, ./scenarios, ./dist/client under the working directory.
      env.DATA_DIR ||= path("data");
      env.PACKS_DIR ||= path("scenarios");
      env.CLIENT_DIST ||= path("dist/client");
      return loadConfig(env);
    },
  };
}

/** The most characters an answer or a solution the CLI grades may hold: the batch rows' limit too. */
export const MAX_CLI_ANSWER_CHARS = 100_000;

/**
 * A text file the user named (an answer, a solution): a missing file, a folder, an empty file
 * or one over `maxChars` is a CliError saying which, and what to give instead. Read in bounded
 * chunks, never whole: /dev/zero or a 40 MB file is refused after at most 4 bytes per allowed
 * character, instead of hanging or exhausting the stack further on.
 */
export function readUserFile(cli: Cli, given: string, what: string, maxChars = MAX_CLI_ANSWER_CHARS): string {
  const path = cli.path(given);
  if (!existsSync(path)) throw new CliError(`no file ${given}; give ${what}`, 2);
  if (statSync(path).isDirectory()) throw new CliError(`${given} is a folder; give ${what}`, 2);
  const tooLong = () =>
    new CliError(`${given} holds more than ${maxChars.toLocaleString("en")} characters; give ${what} of at most that`, 2);
  // Bounded (readBoundedText): /dev/zero is refused at once instead of hanging, a 40 MB file is never held whole.
  let text: string;
  try {
    text = readBoundedText(path, maxChars * 4);
  } catch (err) {
    if (err instanceof FileTooLargeError) throw tooLong();
    throw new CliError(`cannot read ${given} (${(err as NodeJS.ErrnoException).code ?? "unreadable"}); give ${what}`, 2);
  }
  if (text.length > maxChars) throw tooLong();
  if (!text.trim()) throw new CliError(`${given} is empty; give ${what}`, 2);
  return text;
}

/** Node's parseArgs, with its (sometimes several-line) complaint folded into one CliError line. */
export function parseOptions<T extends ParseArgsConfig>(config: T, seeUsage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new CliError(`${oneLine((err as Error).message)}; ${seeUsage}`, 2);
  }
}

/** The one pack a command takes (`calibrate <pack>`, `validate <pack>`): a missing or second one is a usage error. */
export function onePackArgument(command: string, positionals: string[], usage: string): string {
  const [target, extra] = positionals;
  if (!target) throw new CliError(usage, 2);
  if (extra !== undefined) throw new CliError(`${command} takes one pack (got "${target}" and "${extra}"); ${usage}`, 2);
  return target;
}

/** Every line of a message on one line. */
export const oneLine = (message: string) =>
  message
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join(" ");
