import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import type { Pack, Question } from "../../server/scenarios/index.js";
import { gradeAttacked, PLACEMENTS } from "./attacked.js";
import { gamingAnswers } from "./gaming.js";

/**
 * The grader's heavy corpus checks, each run two ways: "sample" in the test suite
 * (a fixed, deterministic slice that still touches every question, attack and
 * kind at least once, sized for a loaded 2-core CI machine) and "full" in
 * `npm run bench:corpora` (every combination). Each returns how many answers it
 * graded and every violation, so a test asserts `problems` is empty.
 */
export type CorpusSize = "sample" | "full";
export type CorpusRun = { graded: number; problems: string[] };

/** Keep item i of a list when (i + offset) is a multiple of `every` (or always, full-size). */
const keep = (size: CorpusSize, every: number, i: number, offset = 0) => size === "full" || (i + offset) % every === 0;

const fixture = <T>(name: string) => parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8")) as T;

type PublicAttack = { id: string; category: string; text: string };
export const PUBLIC_ATTACKS = fixture<PublicAttack[]>("injection/public-sample.yaml");
const ATTACKED_QUESTIONS = ["support-chatbot-rag", "extraction-invalid-json", "cut-llm-costs", "llm-retry-backoff"];

/**
 * Public prompt-injection texts (BIPIA sample) appended, prepended or alone must
 * never raise a weak or adequate exemplar above its clean score. Sample: each
 * attack in each placement once, dealt round-robin over the question/level pairs.
 */
export function publicInjectionsRaiseNothing(pack: Pack, size: CorpusSize): CorpusRun {
  const bases = ATTACKED_QUESTIONS.flatMap((id) => {
    const q = pack.questions.find((x) => x.id === id)!;
    return (["weak", "adequate"] as const).map((level) => ({ q, level, answer: q.exemplars.find((e) => e.level === level)!.answer }));
  });
  const problems: string[] = [];
  let graded = 0;
  const attacks = PUBLIC_ATTACKS.flatMap((attack) => PLACEMENTS.map((where) => ({ attack, where })));
  attacks.forEach(({ attack, where }, i) => {
    bases.forEach(({ q, level, answer }, b) => {
      if (size === "sample" && i % bases.length !== b) return;
      const r = gradeAttacked(pack, q, answer, attack.text, where);
      graded++;
      if (r.attacked > r.clean) problems.push(`${q.id}/${level}/${where}/${attack.id}: ${r.clean} -> ${r.attacked}`);
    });
  });
  return { graded, problems };
}

/** Template nonsense written by hand for several built-in questions (test/fixtures/gaming/templated-nonsense.yaml). */
export const TEMPLATED_NONSENSE = fixture<(Labelled & { kind: string })[]>("gaming/templated-nonsense.yaml");
/** The kind `only` names to grade just the hand-written template nonsense. */
export const WRITTEN = "hand-written template nonsense";

/**
 * Fluent salads written by hand (session 12): the rubric's names on real but non-committal verbs. The development
 * set and the set held apart until the reading was frozen (test/fixtures/gaming/fluent-salads*.yaml). An entry
 * that still escapes says why under `escapes`: it is listed, not graded, so the rest stays checked and the open
 * cases stay in view (docs/grading-history.md, Session 12, "salads").
 */
type FluentSalad = Labelled & { kind: string; escapes?: string };
export const FLUENT_SALADS = ["fluent-salads", "fluent-salads-heldout"].flatMap((f) => fixture<FluentSalad[]>(`gaming/${f}.yaml`));
/** The kind `only` names to grade just the hand-written fluent salads. */
export const FLUENT = "hand-written fluent salad";

/** Kinds held as code for coding questions (every kind is held as text). */
const GAMING_HELD_AS_CODE = new Set(["keyword list", "padded weak answer"]);

/**
 * Keyword lists and lines, domain-word salads (run on or written as sentences), templated and
 * varied-frame keyword sentences, terms chained or asked, shuffled and edited copies of the
 * strong answer, a salad of its words and the terms, and padded or keyword-stuffed weak answers,
 * generated from every question, and template nonsense (the question's terms poured into grammatical
 * frames, generated and written by hand for several questions), and fluent salads written by hand, must score no
 * higher than its weak exemplar.
 * Sample: every question, a third of its kinds (rotating, so every kind is used); `only`: just
 * these kinds, on every question.
 */
export function gamingEarnsNoMoreThanWeak(pack: Pack, size: CorpusSize, only?: string[], questionId?: string): CorpusRun {
  const body = (text: string, asCode: boolean) => (asCode ? { code: text, language: "python" as const } : { text });
  const problems: string[] = [];
  let graded = 0;
  pack.questions.forEach((q, qi) => {
    // One question at a time (a test per question stays well inside the hang limit on a loaded machine); its
    // place in the pack still picks which third of the kinds the sample grades.
    if (questionId !== undefined && q.id !== questionId) return;
    const asCode = q.kind === "coding";
    const held = gamingAnswers(q).filter((g) => (!asCode || GAMING_HELD_AS_CODE.has(g.kind)) && (!only || only.includes(g.kind)));
    // The hand-written template nonsense is few answers: every size grades all of them.
    const written = TEMPLATED_NONSENSE.filter((g) => g.questionId === q.id && (!only || only.includes(WRITTEN)));
    const fluent = FLUENT_SALADS.filter((g) => g.questionId === q.id && !g.escapes && (!only || only.includes(FLUENT)));
    const answers = [
      ...held.filter((_, gi) => only || keep(size, 3, gi, qi)),
      ...written.map((g) => ({ kind: `${WRITTEN}: ${g.kind}`, text: g.answer })),
      ...fluent.map((g) => ({ kind: `${FLUENT}: ${g.kind}`, text: g.answer })),
    ];
    if (!answers.length) return;
    const weak = q.exemplars.find((e) => e.level === "weak")!.answer;
    const weakScore = questionScore(q.rubric, gradeQuestion(q, [body(weak, asCode)], { pack, gradingExemplar: weak }).scores);
    answers.forEach((g) => {
      const score = questionScore(q.rubric, gradeQuestion(q, [body(g.text, asCode)], { pack }).scores);
      graded++;
      if (score > weakScore) problems.push(`${q.id} ${asCode ? "code" : "text"} ${g.kind}: ${score} > ${weakScore}`);
    });
  });
  return { graded, problems };
}

type Labelled = { questionId: string; answer: string };
const BLIND_ANSWERS = ["behavioural", "prompt-debugging", "system-design"].flatMap((f) => fixture<Labelled[]>(`calibration/${f}.yaml`));
/** Honest answers whose subject is grading and injection material: judge prompts, injection suites, verdict schemas. */
export const TECHNICAL_ANSWERS = ["technical", "technical-heldout"].flatMap((f) => fixture<Labelled[]>(`honest/${f}.yaml`));
/** Honest answers that repeat one structure on purpose: numbered steps, tables of cases, one line per lever. */
const STRUCTURED_ANSWERS = fixture<Labelled[]>("honest/structured.yaml");
/** Honest answers whose retrieval and eval words sound like grading talk: rescoring, regrading, a reranker's final score. */
const DOMAIN_TERM_ANSWERS = fixture<Labelled[]>("honest/domain-terms.yaml");

/**
 * Honest answers raise no integrity flag: every exemplar, every independently
 * written (calibration) answer, every technical answer that quotes judges,
 * guardrail tests and verdict schemas, and every answer that repeats one structure
 * (numbered steps, tables of cases). Sample: every fourth answer of each question.
 */
/** `part`: one of `of` slices of the corpus (by position), so a test of it fits a loaded machine's time limit. */
export function honestAnswersUnflagged(
  pack: Pack,
  size: CorpusSize,
  part: { index: number; of: number } = { index: 0, of: 1 },
): CorpusRun & { corpus: number } {
  const honest: Labelled[] = [
    ...pack.questions.flatMap((q) => q.exemplars.map((e) => ({ questionId: q.id, answer: e.answer }))),
    ...BLIND_ANSWERS,
    ...TECHNICAL_ANSWERS,
    ...STRUCTURED_ANSWERS,
    ...DOMAIN_TERM_ANSWERS,
  ];
  const seen = new Map<string, number>();
  const problems: string[] = [];
  let graded = 0;
  for (const [position, { questionId, answer }] of honest.entries()) {
    const nth = seen.get(questionId) ?? 0;
    seen.set(questionId, nth + 1);
    if (!keep(size, 4, nth) || position % part.of !== part.index) continue;
    const q: Question = pack.questions.find((x) => x.id === questionId)!;
    const body = q.kind === "coding" ? { code: answer, language: "python" as const } : { text: answer };
    // The graded exemplar itself is the answer, not a copy of a model answer.
    const { flags } = gradeQuestion(q, [body], { pack, gradingExemplar: answer });
    graded++;
    problems.push(...flags.map((f) => `${questionId}: ${f.kind} ${f.quote}`));
  }
  return { graded, problems, corpus: honest.length };
}
