import { MODEL_ONLY_CHECKS, roundQuestionIds, type Check, type Pack } from "./schema.js";
import { checkVariables } from "./variants/index.js";
import { partsOfQuestion, UNREADABLE, type QuestionParts, type Readable } from "./question-parts.js";

/**
 * Stable codes for the problems the schema cannot see, so a tool (the team
 * editor, a CI step) can tell them apart without reading the wording.
 */
export const CROSS_CHECK_CODES = {
  "duplicate-question-id": "two questions share an id",
  "duplicate-criterion-id": "two criteria of one question share an id",
  "enough-too-large": "evidence.enough is larger than the criterion's list of concepts and checks",
  "criterion-needs-model": "a criterion graded only by checks that need a model (fix-works): offline every answer would score 0 on it",
  "weight-share": "one criterion carries more than 60% of its question's weight (with 3 or more criteria)",
  "duplicate-exemplar-level": "a second exemplar at the same level",
  "exemplar-unknown-criterion": "an exemplar scores a criterion the question does not have",
  "exemplar-unscored-criterion": "an exemplar leaves a criterion unscored",
  "coding-needs-starter": "a coding question without starter code",
  "coding-needs-block": "a coding question without a coding block",
  "coding-languages": "entrypoint, referenceSolution, testCode and starterCode name different languages",
  "duplicate-test-name": "two tests of a coding question share a name",
  "tolerance-without-approx": "a test gives a tolerance without compare: approx",
  "no-visible-test": "a coding question with no visible test",
  "not-coding": "a question that is not coding carries a coding block or starter code",
  "prompt-lab-missing": "a prompt-debugging question without a promptLab",
  "prompt-lab-slot": "a prompt-lab case gives no value for a slot of the broken prompt",
  variables: "a variable, expression, figure or placeholder that does not work out (the message says which)",
  "round-overlap": "two rounds can ask the same question",
  "round-lists-twice": "a round lists a question twice",
  "duplicate-round-id": "two rounds share an id",
  "round-empty": "no question in the pack for a round",
  "round-missing-question": "a round refers to a question the pack does not have",
  "round-wrong-kind": "a round lists a question of another kind",
  "round-pick": "a round picks more questions than it has",
} as const;
export type CrossCheckCode = keyof typeof CROSS_CHECK_CODES;

export type CrossProblem = { code: CrossCheckCode; path: (string | number)[]; message: string };

/**
 * A criterion whose evidence is only checks that need a model (`criterion-needs-model`): offline every answer would
 * score 0 on it. One rule for packs being validated (below) and packs stored before it (stored-problems.ts).
 */
export function gradedOnlyWithModel(evidence: { concepts: readonly unknown[]; checks: readonly Check[] }): boolean {
  const { concepts, checks } = evidence;
  return concepts.length === 0 && checks.length > 0 && checks.every((check) => MODEL_ONLY_CHECKS.includes(check));
}
export function needsModelMessage(criterionId: string | undefined, checks: readonly string[]): string {
  return `${criterionId !== undefined ? `criterion "${criterionId}"` : "this criterion"} is graded only by ${checks.join(", ")}, which needs a model to run the fixed prompt; without a model key every answer would score 0 on it. Add a concept, or a check that runs offline (fixed-prompt), beside it`;
}

/** No single criterion may carry more than this share of a question's total weight. */
export const MAX_CRITERION_WEIGHT_SHARE = 0.6;

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const list = (xs: string[]) => (xs.length ? xs.join(", ") : "none");
const readable = <T>(v: Readable<T>): v is T => v !== UNREADABLE;
/** Every item of a list, or null when the list or any item could not be read. */
const all = <T>(xs: Readable<Readable<T>[]>): T[] | null => (readable(xs) && xs.every(readable) ? (xs as T[]) : null);

/**
 * The checks of one question, each run on the parts it reads: a part the schema
 * rejected leaves out only the checks that need it.
 */
export function checkQuestion(q: QuestionParts, at: (string | number)[]): CrossProblem[] {
  const problems: CrossProblem[] = [];
  const push = (code: CrossCheckCode, path: (string | number)[], message: string) =>
    problems.push({ code, path: [...at, ...path], message });
  const rubric = readable(q.rubric) ? q.rubric : [];

  const criterionIds = new Set<string>();
  rubric.forEach((c, j) => {
    if (!readable(c) || !readable(c.id)) return;
    if (criterionIds.has(c.id)) push("duplicate-criterion-id", ["rubric", j, "id"], `duplicate criterion id "${c.id}"`);
    criterionIds.add(c.id);
  });
  rubric.forEach((c, j) => {
    if (!readable(c) || !readable(c.evidence)) return;
    const listed = c.evidence.concepts.length + c.evidence.checks.length;
    if (c.evidence.enough !== undefined && c.evidence.enough > listed) {
      push(
        "enough-too-large",
        ["rubric", j, "evidence", "enough"],
        `enough is ${c.evidence.enough} but the criterion lists only ${listed} concepts and checks`,
      );
    }
    // Offline (no model key, a normal way to run) a model-only check is skipped: a criterion with nothing else
    // would score 0 for every answer. Refused here rather than left out of the score at grading time, so a
    // question's score means the same on every server and for every candidate of a team (a lab run that failed
    // for one candidate would otherwise reweigh that candidate's question alone).
    if (gradedOnlyWithModel(c.evidence))
      push(
        "criterion-needs-model",
        ["rubric", j, "evidence", "checks"],
        needsModelMessage(readable(c.id) ? c.id : undefined, c.evidence.checks),
      );
  });
  // The share needs every weight; the exemplar checks need every criterion id.
  const criteria = all(q.rubric);
  const weights = criteria && criteria.every((c) => readable(c.weight)) ? criteria.map((c) => c.weight as number) : null;
  if (weights && weights.length >= 3) {
    const total = weights.reduce((sum, w) => sum + w, 0);
    weights.forEach((w, j) => {
      if (w / total > MAX_CRITERION_WEIGHT_SHARE) {
        push(
          "weight-share",
          ["rubric", j, "weight"],
          `weight ${w} is ${Math.round((100 * w) / total)}% of the question's total ${total}; keep each criterion at most ${MAX_CRITERION_WEIGHT_SHARE * 100}%`,
        );
      }
    });
  }
  const idsKnown = criteria !== null && criteria.every((c) => readable(c.id));

  const levels = new Set<string>();
  (readable(q.exemplars) ? q.exemplars : []).forEach((ex, j) => {
    if (!readable(ex)) return;
    if (readable(ex.level)) {
      if (levels.has(ex.level))
        push("duplicate-exemplar-level", ["exemplars", j, "level"], `a second "${ex.level}" exemplar; give one per level`);
      levels.add(ex.level);
    }
    if (!idsKnown || !readable(ex.scores)) return;
    const scores = ex.scores;
    for (const criterionId of Object.keys(scores)) {
      if (!criterionIds.has(criterionId)) {
        push(
          "exemplar-unknown-criterion",
          ["exemplars", j, "scores", criterionId],
          `scores unknown criterion "${criterionId}"; known: ${list([...criterionIds])}`,
        );
      }
    }
    const unscored = [...criterionIds].filter((id) => !(id in scores));
    if (unscored.length)
      push(
        "exemplar-unscored-criterion",
        ["exemplars", j, "scores"],
        `does not score ${list(unscored)}; an exemplar scores every criterion`,
      );
  });

  if (q.kind === "coding") checkCoding(q, push);
  else if (readable(q.kind)) {
    if (readable(q.coding) && q.coding)
      push("not-coding", ["coding"], `only coding questions carry a coding block; this is a ${q.kind} question`);
    if (readable(q.starterCode) && q.starterCode)
      push("not-coding", ["starterCode"], `only coding questions have starter code; this is a ${q.kind} question`);
  }
  if (q.kind === "prompt-debugging" && readable(q.promptLab) && !q.promptLab) {
    push("prompt-lab-missing", ["promptLab"], "a prompt-debugging question needs a promptLab: the broken prompt and the cases it fails");
  }
  if (readable(q.promptLab) && q.promptLab) {
    const slots = new Set([...q.promptLab.brokenPrompt.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!));
    q.promptLab.cases.forEach((c, k) => {
      const missing = [...slots].filter((s) => !(s in c.vars));
      if (missing.length)
        push(
          "prompt-lab-slot",
          ["promptLab", "cases", k, "vars"],
          `the broken prompt uses {{${missing.join("}}, {{")}}} but this case gives no value`,
        );
    });
  }
  // Variables are filled into every text of the question: only a question that passed the schema is read.
  if (q.whole) for (const p of checkVariables(q.whole)) push("variables", p.path, p.message);
  return problems;
}

type Push = (code: CrossCheckCode, path: (string | number)[], message: string) => void;

function checkCoding(q: QuestionParts, push: Push): void {
  if (readable(q.starterCode) && !q.starterCode)
    push("coding-needs-starter", ["starterCode"], "a coding question needs starter code for at least one language");
  if (!readable(q.coding)) return;
  if (!q.coding) {
    push("coding-needs-block", ["coding"], "a coding question needs a coding block: entrypoint, tests and referenceSolution");
    return;
  }
  const entry = Object.keys(q.coding.entrypoint);
  if (readable(q.starterCode)) {
    const starter = Object.keys(q.starterCode ?? {});
    const reference = Object.keys(q.coding.referenceSolution);
    if (!sameSet(entry, starter))
      push(
        "coding-languages",
        ["coding", "entrypoint"],
        `names languages ${list(entry)} but starterCode has ${list(starter)}; they must match`,
      );
    if (!sameSet(reference, starter))
      push(
        "coding-languages",
        ["coding", "referenceSolution"],
        `has languages ${list(reference)} but starterCode has ${list(starter)}; give a reference solution for each`,
      );
  }
  const extra = Object.keys(q.coding.testCode ?? {}).filter((l) => !entry.includes(l));
  if (extra.length) push("coding-languages", ["coding", "testCode"], `has test code for ${list(extra)}, which the question does not offer`);
  const names = new Set<string>();
  q.coding.tests.forEach((t, k) => {
    if (names.has(t.name)) push("duplicate-test-name", ["coding", "tests", k, "name"], `duplicate test name "${t.name}"`);
    names.add(t.name);
    if (t.tolerance !== undefined && t.compare !== "approx")
      push("tolerance-without-approx", ["coding", "tests", k, "tolerance"], 'tolerance only applies with compare: "approx"');
  });
  if (!q.coding.tests.some((t) => t.visible))
    push("no-visible-test", ["coding", "tests"], "at least one test must be visible: candidates run visible tests while they work");
}

/** The checks of every question, read as far as each can be, and of duplicate question ids. */
export function checkQuestions(questions: QuestionParts[]): CrossProblem[] {
  const problems: CrossProblem[] = [];
  const byId = new Map<string, number>();
  questions.forEach((q, i) => {
    if (readable(q.id)) {
      if (byId.has(q.id)) {
        problems.push({
          code: "duplicate-question-id",
          path: ["questions", i, "id"],
          message: `duplicate question id "${q.id}" (first at questions[${byId.get(q.id)}])`,
        });
      } else byId.set(q.id, i);
    }
    problems.push(...checkQuestion(q, ["questions", i]));
  });
  return problems;
}

/** Problems a schema cannot see: references, uniqueness and consistency across the pack. */
export function crossCheckPack(pack: Pack): CrossProblem[] {
  return [...checkQuestions(pack.questions.map(partsOfQuestion)), ...checkRounds(pack)];
}

/** The rounds' checks: what each round draws and whether the pack has it. */
export function checkRounds(pack: Pack): CrossProblem[] {
  const problems: CrossProblem[] = [];
  const byId = new Map<string, number>();
  pack.questions.forEach((q, i) => {
    if (!byId.has(q.id)) byId.set(q.id, i);
  });
  const roundIds = new Set<string>();
  // A question asked in two rounds would be answered twice under one id: the first answer lost.
  const drawnBy = new Map<string, number>();
  pack.rounds.forEach((r, i) => {
    for (const qid of new Set(roundQuestionIds(pack, r))) {
      const other = drawnBy.get(qid);
      if (other !== undefined) {
        problems.push({
          code: "round-overlap",
          path: ["rounds", i],
          message: `rounds[${other}] ("${pack.rounds[other]!.id}") and this round can both ask "${qid}"; give each round its own questions list`,
        });
        break;
      }
      drawnBy.set(qid, i);
    }
    (r.questions ?? []).forEach((qid, j) => {
      if ((r.questions ?? []).indexOf(qid) !== j)
        problems.push({ code: "round-lists-twice", path: ["rounds", i, "questions", j], message: `lists "${qid}" twice` });
    });
  });
  pack.rounds.forEach((r, i) => {
    if (roundIds.has(r.id))
      problems.push({ code: "duplicate-round-id", path: ["rounds", i, "id"], message: `duplicate round id "${r.id}"` });
    roundIds.add(r.id);
    const ids = roundQuestionIds(pack, r);
    if (ids.length === 0)
      problems.push({ code: "round-empty", path: ["rounds", i], message: `no ${r.kind} question in the pack for this round` });
    (r.questions ?? []).forEach((qid, j) => {
      const qi = byId.get(qid);
      if (qi === undefined) {
        problems.push({
          code: "round-missing-question",
          path: ["rounds", i, "questions", j],
          message: `refers to missing question "${qid}"`,
        });
      } else if (pack.questions[qi]!.kind !== r.kind) {
        problems.push({
          code: "round-wrong-kind",
          path: ["rounds", i, "questions", j],
          message: `question "${qid}" is a ${pack.questions[qi]!.kind} question but the round is ${r.kind}`,
        });
      }
    });
    if (ids.length > 0 && r.pick > ids.length) {
      problems.push({ code: "round-pick", path: ["rounds", i, "pick"], message: `picks ${r.pick} questions but has only ${ids.length}` });
    }
  });
  return problems;
}
