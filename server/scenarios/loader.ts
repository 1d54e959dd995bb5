import { existsSync, readdirSync, statSync } from "node:fs";
import { MAX_PACK_UPLOAD_BYTES } from "../contracts/index.js";
import { FileTooLargeError, readBoundedText, shownPath } from "../files/index.js";
import { join } from "node:path";
import { crossCheckPack } from "./cross-checks.js";
import { partialCrossChecks, readablePart } from "./partial-checks.js";
import { PackValidationError, formatPath, type PackIssue } from "./errors.js";
import { PackSchema, type Pack } from "./schema.js";
import type { ReadablePart } from "./partial-checks.js";
import { readYamlSource, type YamlSource } from "./yaml-source.js";
import { locateInTable, type PositionTable } from "./position-table.js";

type Path = (string | number)[];
/** Maps a path in the assembled pack to the file and path where an author wrote it. */
export type Locator = (path: Path) => Omit<PackIssue, "message">;
/** A valid pack and where each part of it was written, for checks that run after parsing. */
export type LocatedPack = { pack: Pack; locate: Locator };

/** The value an author wrote at a path, for "found …" in messages. */
function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) v = v && typeof v === "object" ? (v as Record<string | number, unknown>)[key] : undefined;
  return v;
}

/** zod says what was expected; add what was found when it does not already say so. */
function withFound(message: string, found: unknown): string {
  if (found === undefined || /received|found/i.test(message)) return message;
  const shown =
    typeof found === "object" && found !== null
      ? Array.isArray(found)
        ? `a list of ${found.length}`
        : "a mapping"
      : JSON.stringify(found);
  return `${message}; found ${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}`;
}

/**
 * A number where text belongs is nearly always unquoted text: YAML reads 0.7 as a number, and in a [a, b] list the
 * comma of 12,000 splits it into 12 and 000.
 */
function textHint(issue: { code: string; expected?: unknown }, found: unknown): string {
  if (issue.code !== "invalid_type" || issue.expected !== "string") return "";
  if (typeof found === "number")
    return `; write text in quotes ("${found}"; in a [a, b] list a comma also splits "12,000" into 12 and 000)`;
  // YAML reads an unquoted null, Null, ~ (or an item left empty) as no value, and true/false as booleans: a term list
  // of ["null", "undefined"] written without quotes lost its first term with no hint why (outside tester, session 23).
  if (found === null) return `; YAML read it as null (an unquoted null or ~, or an empty item): write text in quotes ("null")`;
  if (typeof found === "boolean") return `; YAML read it as the boolean ${found}: write text in quotes ("${found}")`;
  return "";
}

function validate(value: unknown, locate: Locator, portable?: (part: ReadablePart) => PortableReadable): LocatedPack {
  const parsed = PackSchema.safeParse(value);
  if (!parsed.success) {
    const part = readablePart(value);
    const readable = part && {
      located: { pack: part.pack, locate: (path: Path) => locate(inWhole(part.indices, path)) },
      ...(portable ? { portable: portable(part) } : {}),
    };
    throw new PackValidationError(
      [
        ...parsed.error.issues.map((issue) => {
          const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
          const found = valueAt(value, path);
          return { ...locate(path), code: "schema", message: withFound(issue.message, found) + textHint(issue, found) };
        }),
        // Every problem at once: the cross-checks on the parts that can be read, even of a question that failed the schema.
        ...partialCrossChecks(value).map((p) => ({ ...locate(p.path), code: p.code, message: p.message })),
      ],
      readable,
    );
  }
  const problems = crossCheckPack(parsed.data);
  if (problems.length) throw new PackValidationError(problems.map((p) => ({ ...locate(p.path), code: p.code, message: p.message })));
  return { pack: parsed.data, locate };
}

const singleFile =
  (source: YamlSource): Locator =>
  (path) => ({ file: source.file, path: formatPath(path), ...source.locate(path) });

/**
 * One pack file's text, held to the upload limit: a pack read from disk is no bigger than one a team may upload,
 * and /dev/zero or a runaway file is refused at once instead of filling memory.
 */
function readPackText(path: string, file: string): string {
  try {
    return readBoundedText(path, MAX_PACK_UPLOAD_BYTES);
  } catch (err) {
    if (!(err instanceof FileTooLargeError)) throw err;
    const limit = MAX_PACK_UPLOAD_BYTES.toLocaleString("en");
    throw new PackValidationError([
      { file, path: "", code: "too-large", message: `the file holds more than ${limit} bytes (a pack file may hold at most ${limit})` },
    ]);
  }
}

/** Parse and validate one pack from a single YAML or JSON document (a file or an upload). */
export function parsePack(text: string, file: string): Pack {
  return parsePackLocated(text, file).pack;
}

export function parsePackLocated(text: string, file: string): LocatedPack {
  const { source, issues } = readYamlSource(text, file);
  if (issues.length) throw new PackValidationError(issues);
  return validate(source.value, singleFile(source));
}

/**
 * A valid pack and where its parts were written, as plain data that crosses a thread boundary (structured clone):
 * what the pack reader's worker thread (server/packs/reader) sends back. `locatedPack` turns it into a LocatedPack.
 */
export type PortablePack = { pack: Pack; file: string; positions: PositionTable };

/** parsePackLocated for a worker thread: the same checks, the same errors, positions as a table. */
export function parsePackPortable(text: string, file: string): PortablePack {
  const { source, issues } = readYamlSource(text, file);
  if (issues.length) throw new PackValidationError(issues);
  const { pack } = validate(source.value, singleFile(source), (part) => ({ ...part, file, positions: source.positions() }));
  return { pack, file, positions: source.positions() };
}

/** The readable questions of a pack that failed the schema, as plain data (see PackValidationError.readable). */
export type PortableReadable = ReadablePart & { file: string; positions: PositionTable };

/** The readable part read in another thread, located where its questions were written in the whole pack. */
export function locatedReadable({ pack, indices, file, positions }: PortableReadable): LocatedPack {
  return {
    pack,
    locate: (path) => {
      const whole = inWhole(indices, path);
      return { file, path: formatPath(whole), ...locateInTable(positions, whole) };
    },
  };
}

/** A path into the readable part as a path into the whole pack: its k-th question is the pack's indices[k]-th. */
function inWhole(indices: readonly number[], path: Path): Path {
  const [head, k, ...rest] = path;
  return head === "questions" && typeof k === "number" ? [head, indices[k] ?? k, ...rest] : path;
}

/** A pack read in another thread, located as parsePackLocated locates it (paths deeper than the table: at their ancestor). */
export function locatedPack({ pack, file, positions }: PortablePack): LocatedPack {
  return { pack, locate: (path) => ({ file, path: formatPath(path), ...locateInTable(positions, path) }) };
}

export function loadPackFile(path: string, root = process.cwd()): LocatedPack {
  const file = shownPath(path, root);
  return parsePackLocated(readPackText(path, file), file);
}

/**
 * A pack spread over files: `<dir>/pack.yaml` (id, title, rounds, ...) plus every
 * `<dir>/questions/*.yaml`, each holding one question or a list of them.
 * Errors name the file and the path inside it where the problem was written.
 */
export function loadPackDir(dir: string, root = process.cwd()): LocatedPack {
  const rel = (p: string) => shownPath(p, root);
  // Each file read once, bounded, and named by its path from the root.
  const yamlFile = (path: string) => readYamlSource(readPackText(path, rel(path)), rel(path));
  const main = yamlFile(join(dir, "pack.yaml"));
  const questionsDir = join(dir, "questions");
  const files = existsSync(questionsDir)
    ? readdirSync(questionsDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  const parts = files.map((name) => yamlFile(join(questionsDir, name)));
  const issues = [...main.issues, ...parts.flatMap((p) => p.issues)];
  if (issues.length) throw new PackValidationError(issues);
  return assemble(
    main.source,
    main.source.value,
    parts.map((p) => p.source),
  );
}

/**
 * One questions file checked on its own, wrapped in a pack with a round per
 * kind it contains: lets an author validate a file before the rest of the pack is ready.
 */
export function loadQuestionFile(path: string, root = process.cwd()): LocatedPack {
  const file = shownPath(path, root);
  const { source, issues } = readYamlSource(readPackText(path, file), file);
  if (issues.length) throw new PackValidationError(issues);
  const items = Array.isArray(source.value) ? source.value : [source.value];
  const kinds = [...new Set(items.map((q) => (q as { kind?: unknown })?.kind).filter((k): k is string => typeof k === "string"))];
  const wrapper = {
    id: "question-file",
    title: source.file,
    description: `questions from ${source.file}`,
    rounds: kinds.map((kind) => ({ id: kind, kind, title: kind, minutes: 30 })),
  };
  return assemble(source, wrapper, [source]);
}

function assemble(mainSource: YamlSource, mainValue: unknown, questionSources: YamlSource[]): LocatedPack {
  const origins: { source: YamlSource; prefix: Path }[] = [];
  const questions: unknown[] = [];
  const inline = (mainValue as { questions?: unknown } | undefined)?.questions;
  if (Array.isArray(inline)) {
    inline.forEach((q, i) => {
      questions.push(q);
      origins.push({ source: mainSource, prefix: ["questions", i] });
    });
  }
  for (const source of questionSources) {
    if (Array.isArray(source.value)) {
      source.value.forEach((q, i) => {
        questions.push(q);
        origins.push({ source, prefix: [i] });
      });
    } else if (source.value !== undefined && source.value !== null) {
      questions.push(source.value);
      origins.push({ source, prefix: [] });
    }
  }
  const locate: Locator = (path) => {
    const origin = path[0] === "questions" && typeof path[1] === "number" ? origins[path[1]] : undefined;
    if (!origin) return singleFile(mainSource)(path);
    const local = [...origin.prefix, ...path.slice(2)];
    const id = (questions[path[1] as number] as { id?: unknown } | undefined)?.id;
    const label = typeof id === "string" ? `question "${id}"` : formatPath(path.slice(0, 2));
    const rest = formatPath(path.slice(2));
    return { file: origin.source.file, path: rest ? `${label} ${rest.replace(/^\./, "")}` : label, ...origin.source.locate(local) };
  };
  return validate({ ...(mainValue as object), questions }, locate);
}

/**
 * Load every pack under a directory: each `<dir>/<name>/` holding a pack.yaml,
 * and each `<dir>/*.yaml`. Every problem in every pack is reported together.
 */
export function loadPacksFromDir(dir: string, root = process.cwd()): Pack[] {
  return loadPacksFromDirLocated(dir, root).map((l) => l.pack);
}

export function loadPacksFromDirLocated(dir: string, root = process.cwd()): LocatedPack[] {
  const packs: LocatedPack[] = [];
  const issues: PackIssue[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    const load: (() => LocatedPack) | null = statSync(full).isDirectory()
      ? existsSync(join(full, "pack.yaml"))
        ? () => loadPackDir(full, root)
        : null
      : /\.ya?ml$/.test(entry)
        ? () => loadPackFile(full, root)
        : null;
    if (!load) continue;
    try {
      packs.push(load());
    } catch (err) {
      if (err instanceof PackValidationError) issues.push(...err.issues);
      else throw err;
    }
  }
  const seen = new Set<string>();
  for (const { pack: p } of packs) {
    if (seen.has(p.id))
      issues.push({ file: shownPath(dir, root), path: "id", code: "duplicate-pack-id", message: `two packs share the id "${p.id}"` });
    seen.add(p.id);
  }
  if (issues.length) throw new PackValidationError(issues);
  return packs;
}

/** A pack file, a questions file, a pack directory or a directory of packs, as the CLI receives it. */
export function loadPacksAt(target: string, root = process.cwd()): LocatedPack[] {
  if (!statSync(target).isDirectory()) {
    const isQuestionFile = /(^|\/)questions\/[^/]+\.ya?ml$/.test(target);
    return [isQuestionFile ? loadQuestionFile(target, root) : loadPackFile(target, root)];
  }
  if (existsSync(join(target, "pack.yaml"))) return [loadPackDir(target, root)];
  return loadPacksFromDirLocated(target, root);
}
