import { describe, expect, it } from "vitest";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { gamingEarnsNoMoreThanWeak } from "../helpers/corpora.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);

/**
 * Generated from every built-in question's own terms and model answers. Each
 * kind held (test/helpers/corpora.ts) must earn no more than the question's weak
 * exemplar, as text and (for coding questions) as code: keyword lists and lines,
 * domain-word salads run on and written as sentences, templated and varied-frame
 * keyword sentences, terms chained by causal verbs or asked as questions,
 * shuffled and edited copies of the strong answer, padding and a weak answer
 * stuffed with keywords, a salad mixing the terms with the strong answer's other
 * words, and template nonsense (the terms poured into grammatical frames, tagged
 * "[item 3]", mixed, padded to 20,000 characters; and hand-written on eight questions). Still open (docs/grading-history.md, "Gaming and injections"): edited copies of a reference solution
 * submitted as code (similar code is normal; the tests decide). Here
 * every question with a third of the kinds (rotating); every kind on every
 * question: npm run bench:corpora.
 */
describe("gaming answers generated from every built-in question", () => {
  // A test per question: the whole pack's sample took over 90 s (the hang limit) at load 25 on two cores.
  let graded = 0;
  it.each(pack!.questions.map((q) => q.id))(
    "%s: keyword lists, salads (also as sentences), templated keyword sentences, edited copies and padding score no higher than the weak exemplar",
    (questionId) => {
      const run = gamingEarnsNoMoreThanWeak(pack!, "sample", undefined, questionId);
      graded += run.graded;
      expect(run.problems).toEqual([]);
    },
  );
  it("the sample graded every question's share (more than 250 answers)", () => {
    expect(graded).toBeGreaterThan(250);
  });

  it("salads written as sentences score no higher than the weak exemplar on every prose question", () => {
    const { graded, problems } = gamingEarnsNoMoreThanWeak(pack!, "sample", ["salad in sentences", "domain-word salad"]);
    expect(graded).toBeGreaterThan(70);
    expect(problems).toEqual([]);
  });
});
