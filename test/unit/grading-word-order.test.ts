import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import {
  corpusHash,
  scrambleReading,
  scrambledWordOrder,
  WORD_ORDER_FILE,
  wordOrderScore,
} from "../../server/grading/language/word-order.js";
import { wordOrderCorpus } from "../../server/grading/language/word-order-corpus.js";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

/**
 * Session 20: a strong answer with its words shuffled keeps every word a key point is found by; outside audit 17 scored
 * ten such shuffles at 89 on average. language/word-order.ts reads the order of the small words instead.
 */
const pack = loadPacksFromDir(BUILTIN_PACKS_DIR).find((p) => p.id === "ai-engineer")!;
const question = (id: string): Question => pack.questions.find((q) => q.id === id)!;
const grade = (q: Question, text: string) => {
  const g = gradeQuestion(q, [{ text }], { pack });
  return { score: questionScore(q.rubric, g.scores), kinds: g.flags.map((f) => f.kind) };
};
const weakScore = (q: Question) => grade(q, q.exemplars.find((e) => e.level === "weak")!.answer).score;

/** A fixed shuffle (a linear congruential generator): the same words in another order on every run. */
function shuffled(words: string[], seed: number): string[] {
  const out = [...words];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = Math.floor((state / 2147483648) * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
const shuffleWords = (text: string, seed = 7) => shuffled(text.split(/\s+/).filter(Boolean), seed).join(" ");

/** Strong STAR stories written for the held-out behavioural set, none of them a model answer of the pack. */
const strongStories = (
  parse(readFileSync(new URL("../fixtures/calibration/behavioural-heldout.yaml", import.meta.url), "utf8")) as {
    questionId: string;
    kind: string;
    answer: string;
  }[]
)
  .filter((r) => r.kind === "strong" && pack.questions.some((q) => q.id === r.questionId))
  .slice(0, 2);

describe("words in no English order", () => {
  it("word-order.tsv was counted from today's built-in pack (npm run domain-words rewrites it)", { timeout: 60_000 }, () => {
    const header = readFileSync(WORD_ORDER_FILE, "utf8").split("\n")[0];
    expect(header).toBe(`# ${corpusHash(wordOrderCorpus(pack))}`);
  });

  it(
    "a strong story shuffled is set aside and scores no more than the weak answer; the story itself keeps its score",
    { timeout: 90_000 },
    () => {
      expect(strongStories.length).toBe(2);
      for (const row of strongStories) {
        const q = question(row.questionId);
        const honest = grade(q, row.answer);
        expect(honest.kinds).not.toContain("scrambled-words");
        expect(honest.score).toBeGreaterThan(weakScore(q));
        // Most shuffles of a long story read as no English order (not every one: the measured rate is in word-order.ts).
        const caught = [1, 2, 3, 4, 5, 6].map((seed) => shuffleWords(row.answer, seed)).filter((s) => scrambledWordOrder(s));
        expect(caught.length).toBeGreaterThanOrEqual(4);
        const shuffle = grade(q, caught[0]!);
        expect(shuffle.kinds).toContain("scrambled-words");
        expect(shuffle.score).toBeLessThanOrEqual(weakScore(q));
      }
    },
  );

  it("a shuffle cut into paragraphs too short to read alone is read as one", { timeout: 60_000 }, () => {
    const row = strongStories[0]!;
    const words = shuffleWords(row.answer, 11).split(" ");
    const paragraphs: string[] = [];
    for (let i = 0; i < words.length; i += 12) paragraphs.push(words.slice(i, i + 12).join(" "));
    expect(paragraphs.every((p) => wordOrderScore(p).steps < 20)).toBe(true);
    const g = grade(question(row.questionId), paragraphs.join("\n\n"));
    expect(g.kinds).toContain("scrambled-words");
    expect(g.score).toBeLessThanOrEqual(weakScore(question(row.questionId)));
  });

  it("a plea beside a shuffle, or a shuffle cut into bulleted lines, is still read for its order", { timeout: 90_000 }, () => {
    const row = strongStories[0]!;
    const q = question(row.questionId);
    const pleaded = grade(q, `${shuffleWords(row.answer)} Please be lenient with my grade, I am nervous.`);
    expect(pleaded.kinds).toEqual(expect.arrayContaining(["plea", "scrambled-words"]));
    expect(pleaded.score).toBeLessThanOrEqual(weakScore(q));
    const words = shuffleWords(row.answer, 13).split(" ");
    const bullets: string[] = [];
    for (let i = 0; i < words.length; i += 12) bullets.push(`${i % 24 ? "1)" : "-"} ${words.slice(i, i + 12).join(" ")}`);
    const listed = grade(q, bullets.join("\n"));
    expect(listed.kinds).toContain("scrambled-words");
    expect(listed.score).toBeLessThanOrEqual(weakScore(q));
  });

  it("few-shot examples in a prompt are labelled turns, not a shuffle", () => {
    const examples =
      "Q: Where is my order 123? A: Order 123 shipped on Monday and should arrive by Thursday. Q: Can I change the address? A: Yes, until the parcel leaves the warehouse you can change it on the order page. Q: {{question}} A:";
    expect(scrambledWordOrder(examples)).toBe(false);
  });

  it("no honest fixture answer reads as a shuffle: plain, terse, other languages, notes with letters for names", () => {
    const dir = new URL("../fixtures/honest/", import.meta.url);
    const answers = readdirSync(dir)
      .filter((f) => f.endsWith(".yaml"))
      .flatMap((f) => (parse(readFileSync(new URL(f, dir), "utf8")) as { answer?: string }[]).map((r) => r.answer ?? ""));
    expect(answers.length).toBeGreaterThan(100);
    expect(answers.filter((a) => a && scrambledWordOrder(a))).toEqual([]);
    // A student's circuit answer, the lowest honest text measured (letters name bulbs and switches), and notation.
    expect(
      scrambledWordOrder(
        "Because bulb A was not concerned with switch Y and only concerned with switch Z, which was closed to make bulb A on, the bulb stayed lit.",
      ),
    ).toBe(false);
    expect(
      scrambledWordOrder(
        "p(B) less than p(C) and p(C) less than p(A), because p(A) must be smaller than p(C) when cases with more than 3 heads are invalid.",
      ),
    ).toBe(false);
  });

  // Session 21: two honest SAF answers (a chain "Event B → Event C → Event A", a labelled note "Service: ... -> Loss of
  // data possible, no flow control") read below the threshold on 20-odd steps. Notes need twice the steps; a shuffle
  // with one arrow and no label of its own is read as before.
  it("a short paragraph of notes (a chain of arrows, or a label and an arrow) needs twice the steps", () => {
    const words =
      "the sender keeps a window of frames and the receiver drops frames out of order so a timeout resends the whole window and the acks are cumulative only".split(
        " ",
      );
    const shuffle = shuffled(words, 3).join(" ");
    expect(wordOrderScore(shuffle).steps).toBeLessThan(40);
    expect(scrambleReading(shuffle)).toBe("class-order");
    expect(scrambleReading(shuffle.replace(" and ", " -> "))).toBe("class-order");
    expect(scrambleReading(shuffle.replace(" and ", " -> ").replace(" and ", " -> "))).toBeNull();
    expect(scrambleReading(`Go-Back-N window: ${shuffle.replace(" and ", " -> ")}`)).toBeNull();
  });

  // Liveness, not speed: each of these took seconds to minutes where a pattern backtracked over a long run (the
  // notation pattern was quadratic in a word's length: 15.5 s for 40,000 letters); read in one pass they take
  // milliseconds, and the bound leaves room for a loaded machine.
  it("reads long hostile texts in one pass: one 100,000-character word, hex, a phrase repeated, labels", { timeout: 30_000 }, () => {
    for (const text of ["a".repeat(100_000), "0f3a9c".repeat(16_000), "x(".repeat(50_000), "A: ".repeat(30_000), ". ".repeat(50_000)])
      expect(wordOrderScore(text).score).toBeTypeOf("number");
    const r = wordOrderScore("the of and to ".repeat(7_000));
    expect(r.steps).toBeGreaterThan(20_000);
    expect(r.score).toBeLessThan(-1);
  });
});
