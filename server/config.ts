import { resolve } from "node:path";
import { z } from "zod";

/** Every environment variable the server reads, parsed once. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  PACKS_DIR: z.string().min(1).default("./scenarios"),
  CLIENT_DIST: z.string().min(1).default("./dist/client"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** The SQLite file holding app tables and LangGraph checkpoints. */
  databaseFile: string;
  packsDir: string;
  clientDist: string;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as a shell `FOO= npm start` means.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0]);
      return `  ${key}=${JSON.stringify(env[key])}: ${i.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseFile: resolve(dataDir, "interview.db"),
    packsDir: resolve(e.PACKS_DIR),
    clientDist: resolve(e.CLIENT_DIST),
    logLevel: e.LOG_LEVEL,
  };
}
