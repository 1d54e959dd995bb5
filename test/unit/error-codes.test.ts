import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES, ErrorCodeSchema } from "../../server/contracts/index.js";

const root = join(import.meta.dirname, "../..");
function sources(dir: string, ext: RegExp): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path, ext);
    return ext.test(name) ? [{ file: relative(root, path), text: readFileSync(path, "utf8") }] : [];
  });
}

/** Every code the server's source hands to an error: ServiceError, TeamError, sendError, or an ack's `error: { code }`. */
function codesReturnedBy(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /new (?:ServiceError|TeamError)\(\s*"([A-Z][A-Z_]+)"/g,
    // TeamError(message, code): the message may hold parentheses and semicolons of its own.
    /new TeamError\((?:[^()]|\([^()]*\))*?,\s*"([A-Z][A-Z_]+)",?\s*\)/g,
    /sendError\(\s*res,\s*"([A-Z][A-Z_]+)"/g,
    /\bcode:\s*"([A-Z][A-Z_]+)"/g,
  ];
  for (const p of patterns) for (const m of text.matchAll(p)) found.push(m[1]!);
  return found;
}

/** Client code deciding something from an error's wording: a regex test, includes/match/startsWith, or a comparison. */
const MESSAGE_MATCHING = [
  /\.test\([^)]*(?:message|errorMessage\()/i,
  /(?:\.message|errorMessage\([^)]*\))\s*(?:\??\.)\s*(?:includes|match|matchAll|startsWith|endsWith|search|indexOf)\(/,
  /(?<!typeof\s+[\w?.]*)(?:\.message|errorMessage\([^)]*\))\s*[!=]==?\s*["'`]/,
];
const matchesMessages = (text: string) => MESSAGE_MATCHING.some((p) => p.test(text));

describe("stable error codes", () => {
  const server = sources(join(root, "server"), /\.ts$/).filter((f) => !f.file.startsWith("server/contracts/errors.ts"));
  const returned = new Map<string, string[]>();
  for (const { file, text } of server) for (const code of codesReturnedBy(text)) returned.set(code, [...(returned.get(code) ?? []), file]);

  it("finds the codes the server returns (a check on the scan itself)", () => {
    expect(new Set(returned.get("ROUND_TIME_UP"))).toEqual(new Set(["server/interview/session-service.ts"]));
    expect(returned.get("LAST_TOKEN")).toEqual(["server/teams/teams.ts"]);
    expect(returned.size).toBeGreaterThan(20);
  });

  it("every error code the server can return is in the one enum", () => {
    const unknown = [...returned].filter(([code]) => !ErrorCodeSchema.safeParse(code).success);
    expect(unknown).toEqual([]);
  });

  it("every code in the enum is returned somewhere (no stale codes), and none is the catch-all CONFLICT", () => {
    expect(ErrorCodeSchema.options.filter((code) => !returned.has(code))).toEqual([]);
    expect(ErrorCodeSchema.options).not.toContain("CONFLICT");
  });

  it("each code has one HTTP status and says what it means", () => {
    for (const [code, { status, means }] of Object.entries(ERROR_CODES)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(means.length, code).toBeGreaterThan(10);
    }
  });

  it("docs/protocol.md lists every code with its status", () => {
    const doc = readFileSync(join(root, "docs/protocol.md"), "utf8");
    for (const [code, { status }] of Object.entries(ERROR_CODES)) expect(doc, code).toContain(`| \`${code}\` | ${status} |`);
    expect(doc).not.toContain("`CONFLICT`");
  });

  it("the client never decides by an error's message text", () => {
    // The detector catches what the client used to do.
    expect(matchesMessages(`else if (/time is up/i.test(errorMessage(err)))`)).toBe(true);
    expect(matchesMessages(`if (err.message.includes("already used"))`)).toBe(true);
    expect(matchesMessages(`if (e.message === "not found")`)).toBe(true);
    expect(matchesMessages(`if (err.code === "ROUND_TIME_UP")`)).toBe(false);
    expect(matchesMessages(`typeof body?.error?.message === "string"`)).toBe(false);
    const offenders = sources(join(root, "client/src"), /\.tsx?$/)
      .flatMap(({ file, text }) => text.split("\n").map((line, i) => ({ at: `${file}:${i + 1}`, line })))
      .filter(({ line }) => matchesMessages(line))
      .map(({ at, line }) => `${at}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });
});
