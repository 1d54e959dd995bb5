import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixtureAndPackTexts, seededRandom } from "../helpers/fixture-texts.js";
import { boundScore, mayBindScore } from "../../server/grading/integrity/bound-score.js";
import { claimToGrader, mayClaimToGrader } from "../../server/grading/integrity/claims-to-grader.js";
import { forMatching, stripInvisible } from "../../server/grading/integrity/normalise.js";
import { mayShowVerdict, verdictShape } from "../../server/grading/integrity/verdict-shape.js";

/**
 * Each group of attack readers runs only where its pre-screen says it may fire (clean.ts). That is a speed change
 * only if the screen lets through every text the group fires on. Checked here on every text of the fixtures (the
 * gaming, injection and honest corpora among them) and the packs, in the forms clean.ts reads them (the sentence or
 * paragraph as written, without invisible characters, and normalised). A reader given a branch whose words its
 * screen does not list fails here as soon as a fixture shows that branch firing.
 */
type Text = { visible: string; matched: string };
const GROUPS: { name: string; fires: (t: Text) => boolean; may: (t: Text) => boolean; least: number }[] = [
  {
    name: "claims to the grader",
    fires: (t) => claimToGrader(t.matched, t.visible) !== null,
    may: (t) => mayClaimToGrader(t.matched, t.visible),
    least: 50,
  },
  {
    name: "verdict containers",
    fires: (t) => verdictShape(t.visible, t.matched, t.visible) !== null,
    may: (t) => mayShowVerdict(t.visible, t.matched, t.visible),
    least: 30,
  },
  { name: "bound scores", fires: (t) => boundScore(t.matched), may: (t) => mayBindScore(t.matched), least: 100 },
];

/** Every string of the fixtures and packs: whole when short, per paragraph, and per sentence or line, each once. */
function corpus(): Text[] {
  const texts = fixtureAndPackTexts();
  const seen = new Set<string>();
  const out: Text[] = [];
  for (const t of texts) {
    for (const piece of [t.length <= 3000 ? t : "", ...t.split(/\n\s*\n/), ...t.split(/(?<=[.!?])\s+|\n/)]) {
      if (!piece.trim() || seen.has(piece)) continue;
      seen.add(piece);
      out.push({ visible: stripInvisible(piece), matched: forMatching(piece) });
    }
  }
  return out;
}

/**
 * Texts strung from the readers' own words (every word of their modules' sources: their patterns' words and more),
 * figures and marks, so that branches no fixture shows fire too.
 */
function ownWords(count: number, seed: number): Text[] {
  const words = new Set([
    " ",
    "\n",
    ":",
    "=",
    "/",
    "4",
    "100",
    "10/10",
    '"',
    "'",
    "{",
    "}",
    "[",
    "]",
    "<",
    ">",
    "|",
    "-",
    "—",
    ".",
    ",",
    "(",
  ]);
  for (const file of ["claims-to-grader", "verdict-shape", "bound-score", "foreign-grade", "candidate-report", "markup-verdict"])
    for (const w of readFileSync(`server/grading/integrity/${file}.ts`, "utf8").match(/[\p{L}']+/gu) ?? []) words.add(w);
  const pieces = [...words];
  const next = seededRandom(seed);
  const out: Text[] = [];
  for (let i = 0; i < count; i++) {
    let t = "";
    for (let k = 1 + Math.floor(next() * 12); k > 0; k--) t += (next() < 0.75 ? " " : "") + pieces[Math.floor(next() * pieces.length)];
    out.push({ visible: stripInvisible(t), matched: forMatching(t) });
  }
  return out;
}

describe("pre-screens of the attack readers", () => {
  const texts = corpus();
  for (const group of GROUPS) {
    it(`let through every corpus text on which ${group.name} fire`, () => {
      let fired = 0;
      let screened = 0;
      const missed: string[] = [];
      for (const t of texts) {
        const may = group.may(t);
        if (!may) screened++;
        if (!group.fires(t)) continue;
        fired++;
        if (!may) missed.push(t.visible.slice(0, 200));
      }
      expect(missed).toEqual([]);
      // The corpus shows the group firing, and the screen setting most texts aside: both make the check worth having.
      expect(fired).toBeGreaterThan(group.least);
      expect(screened).toBeGreaterThan(texts.length / 2);
    });
  }

  it("let through every text of the readers' own words on which a group fires", () => {
    const texts = ownWords(40_000, 20261207);
    let fired = 0;
    for (const group of GROUPS) {
      const firing = texts.filter(group.fires);
      expect(firing.filter((t) => !group.may(t)).map((t) => t.visible)).toEqual([]);
      fired += firing.length;
    }
    // Containers (tables, records) are seldom strung by chance; claims and bound scores are, by the hundred.
    expect(fired).toBeGreaterThan(50);
  });
});
