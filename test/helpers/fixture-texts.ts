import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/**
 * Every string of the repository's fixtures and packs (YAML parsed; a file that is no YAML read whole), in file
 * order: the corpus the integrity screens and required-strings tests check their speed-ups against.
 */
export function fixtureAndPackTexts(): string[] {
  const texts: string[] = [];
  for (const file of [...files("test/fixtures", /\.ya?ml$/), ...files("scenarios", /\.ya?ml$/)]) {
    try {
      strings(parse(readFileSync(file, "utf8")), texts);
    } catch {
      texts.push(readFileSync(file, "utf8"));
    }
  }
  return texts;
}

/** A small seeded generator, so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function strings(value: unknown, out: string[]): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) strings(v, out);
  return out;
}
function files(dir: string, ends: RegExp): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path, ends) : ends.test(name) ? [path] : [];
    });
}
