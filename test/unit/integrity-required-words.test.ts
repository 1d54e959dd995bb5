import { describe, expect, it } from "vitest";
import { fixtureAndPackTexts, seededRandom } from "../helpers/fixture-texts.js";
import { forMatching } from "../../server/grading/integrity/normalise.js";
import * as PATTERNS from "../../server/grading/integrity/patterns.js";
import { anyMatches, requiredStrings } from "../../server/grading/integrity/required-words.js";

/**
 * Most attack patterns of a list are skipped on a text that holds none of their required strings (required-words.ts). That
 * is only a speed change if no text a pattern matches lacks them: checked on every text of the fixtures and the
 * packs (normalised, whole and per sentence or line), and on random texts made of
 * the patterns' own words, where the patterns do match.
 */
const LISTS = Object.entries(PATTERNS).filter((e): e is [string, RegExp[]] => Array.isArray(e[1]));
const ALL = LISTS.flatMap(([name, list]) => list.map((re, i) => ({ name: `${name}[${i}]`, re, need: requiredStrings(re) })));

const GATED = LISTS.map(([name, list]) => [name, list, anyMatches(list)] as const);

/** Every pattern the gate does not cover, and every match found without its required strings. */
function misses(texts: Iterable<string>): { matched: number; problems: string[] } {
  let matched = 0;
  const problems: string[] = [];
  for (const text of texts) {
    for (const { name, re, need } of ALL) {
      if (!re.test(text)) continue;
      matched++;
      if (need && !need.some((s) => text.includes(s))) problems.push(`${name} matched ${JSON.stringify(text.slice(0, 200))}`);
    }
    for (const [name, list, gated] of GATED) {
      if (gated(text) !== list.some((r) => r.test(text))) problems.push(`${name} as a list on ${JSON.stringify(text.slice(0, 200))}`);
    }
  }
  return { matched, problems };
}

function* corpus(): Generator<string> {
  const texts = fixtureAndPackTexts();
  const seen = new Set<string>();
  for (const t of texts) {
    // Normalised as the attack checks read it; whole when short, and per sentence.
    const form = forMatching(t);
    for (const piece of [form.length <= 3000 ? form : "", ...form.split(/(?<=[.!?])\s+|\n/)]) {
      if (piece.trim() && !seen.has(piece)) {
        seen.add(piece);
        yield piece;
      }
    }
  }
}

describe("required strings of the attack patterns", () => {
  it("are read from the pattern's source", () => {
    expect(requiredStrings(/\bstrong hire\b/)).toEqual(["strong hire"]);
    expect(requiredStrings(/\b(?:i am|i'm|as) your\b/)?.sort()).toEqual(["as your", "i am your", "i'm your"]);
    // Past four characters, fewer strings win: two words to look for rather than three phrases.
    expect(requiredStrings(/\b(?:i am|i'm|as) your (?:\w+ )?(?:developer|creator)\b/)?.sort()).toEqual(["creator", "developer"]);
    expect(requiredStrings(/a?b/)).toEqual(["b"]);
    expect(requiredStrings(/(?:ab)+c/)).toEqual(["ab"]);
    // A positive lookaround needs its strings of the text around the match: a screen searches the text.
    expect(requiredStrings(/(?=abc)d/)).toEqual(["abc"]);
    expect(requiredStrings(/(?!abc)d/)).toEqual(["d"]);
    expect(requiredStrings(/\u0041x/)).toEqual(["Ax"]);
    expect(requiredStrings(/level[- ]?[34]/)?.length).toBe(6);
    // Nothing required: an empty alternative, a negated class, a backreference, a pattern that ignores case.
    expect(requiredStrings(/a|/)).toBeNull();
    expect(requiredStrings(/[^a]+/)).toBeNull();
    expect(requiredStrings(/(\w)\1/)).toBeNull();
    expect(requiredStrings(/strong hire/i)).toBeNull();
  });

  it("gate nearly every pattern", () => {
    const open = ALL.filter((p) => !p.need).map((p) => p.name);
    expect(open.length, open.join(", ")).toBeLessThanOrEqual(2);
  });

  it("are in every text of the fixtures and packs that a pattern matches", () => {
    const { matched, problems } = misses(corpus());
    expect(problems).toEqual([]);
    expect(matched).toBeGreaterThan(500);
  });

  it("are in every random text of the patterns' own words that a pattern matches", () => {
    const words = new Set<string>([
      " ",
      "  ",
      "\n",
      ":",
      "/",
      "4",
      "0",
      "100",
      '"',
      "{",
      "}",
      "[",
      "]",
      "<",
      ">",
      "|",
      "-",
      "=",
      "#",
      ".",
      ",",
      "'s",
      "é",
      "'",
      "(",
      ")",
    ]);
    for (const { re, need } of ALL) {
      for (const s of need ?? []) words.add(s);
      for (const w of re.source.match(/[\p{L}']+/gu) ?? []) words.add(w);
    }
    const pieces = [...words];
    const next = seededRandom(20261207);
    const texts: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const n = 1 + Math.floor(next() * 14);
      let t = "";
      for (let k = 0; k < n; k++) t += (next() < 0.7 ? " " : "") + pieces[Math.floor(next() * pieces.length)];
      texts.push(t);
    }
    const { matched, problems } = misses(texts);
    expect(problems).toEqual([]);
    expect(matched).toBeGreaterThan(500);
  });
});
