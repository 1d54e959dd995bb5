import { roundQuestionIds, type Pack, type Question } from "./schema.js";
import { checkVariables } from "./variants/index.js";

export type CrossProblem = { path: (string | number)[]; message: string };

/** No single criterion may carry more than this share of a question's total weight. */
export const MAX_CRITERION_WEIGHT_SHARE = 0.6;

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const list = (xs: string[]) => (xs.length ? xs.join(", ") : "none");

function checkQuestion(q: Question, at: (string | number)[]): CrossProblem[] {
  const problems: CrossProblem[] = [];
  const push = (path: (string | number)[], message: string) => problems.push({ path: [...at, ...path], message });

  const criterionIds = new Set<string>();
  q.rubric.forEach((c, j) => {
    if (criterionIds.has(c.id)) push(["rubric", j, "id"], `duplicate criterion id "${c.id}"`);
    criterionIds.add(c.id);
  });
  q.rubric.forEach((c, j) => {
    const listed = c.evidence.concepts.length + c.evidence.checks.length;
    if (c.evidence.enough !== undefined && c.evidence.enough > listed) {
      push(
        ["rubric", j, "evidence", "enough"],
        `enough is ${c.evidence.enough} but the criterion lists only ${listed} concepts and checks`,
      );
    }
  });
  const total = q.rubric.reduce((sum, c) => sum + c.weight, 0);
  if (q.rubric.length >= 3) {
    q.rubric.forEach((c, j) => {
      if (c.weight / total > MAX_CRITERION_WEIGHT_SHARE) {
        push(
          ["rubric", j, "weight"],
          `weight ${c.weight} is ${Math.round((100 * c.weight) / total)}% of the question's total ${total}; keep each criterion at most ${MAX_CRITERION_WEIGHT_SHARE * 100}%`,
        );
      }
    });
  }

  const levels = new Set<string>();
  q.exemplars.forEach((ex, j) => {
    if (levels.has(ex.level)) push(["exemplars", j, "level"], `a second "${ex.level}" exemplar; give one per level`);
    levels.add(ex.level);
    for (const criterionId of Object.keys(ex.scores)) {
      if (!criterionIds.has(criterionId)) {
        push(["exemplars", j, "scores", criterionId], `scores unknown criterion "${criterionId}"; known: ${list([...criterionIds])}`);
      }
    }
    const unscored = [...criterionIds].filter((id) => !(id in ex.scores));
    if (unscored.length) push(["exemplars", j, "scores"], `does not score ${list(unscored)}; an exemplar scores every criterion`);
  });

  if (q.kind === "coding") {
    if (!q.starterCode) push(["starterCode"], "a coding question needs starter code for at least one language");
    if (!q.coding) push(["coding"], "a coding question needs a coding block: entrypoint, tests and referenceSolution");
    else {
      const starter = Object.keys(q.starterCode ?? {});
      const entry = Object.keys(q.coding.entrypoint);
      const reference = Object.keys(q.coding.referenceSolution);
      if (!sameSet(entry, starter))
        push(["coding", "entrypoint"], `names languages ${list(entry)} but starterCode has ${list(starter)}; they must match`);
      if (!sameSet(reference, starter))
        push(
          ["coding", "referenceSolution"],
          `has languages ${list(reference)} but starterCode has ${list(starter)}; give a reference solution for each`,
        );
      const extra = Object.keys(q.coding.testCode ?? {}).filter((l) => !entry.includes(l));
      if (extra.length) push(["coding", "testCode"], `has test code for ${list(extra)}, which the question does not offer`);
      const names = new Set<string>();
      q.coding.tests.forEach((t, k) => {
        if (names.has(t.name)) push(["coding", "tests", k, "name"], `duplicate test name "${t.name}"`);
        names.add(t.name);
        if (t.tolerance !== undefined && t.compare !== "approx")
          push(["coding", "tests", k, "tolerance"], 'tolerance only applies with compare: "approx"');
      });
      if (!q.coding.tests.some((t) => t.visible))
        push(["coding", "tests"], "at least one test must be visible: candidates run visible tests while they work");
    }
  } else {
    if (q.coding) push(["coding"], `only coding questions carry a coding block; this is a ${q.kind} question`);
    if (q.starterCode) push(["starterCode"], `only coding questions have starter code; this is a ${q.kind} question`);
  }
  if (q.kind === "prompt-debugging" && !q.promptLab) {
    push(["promptLab"], "a prompt-debugging question needs a promptLab: the broken prompt and the cases it fails");
  }
  if (q.promptLab) {
    const slots = new Set([...q.promptLab.brokenPrompt.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!));
    q.promptLab.cases.forEach((c, k) => {
      const missing = [...slots].filter((s) => !(s in c.vars));
      if (missing.length)
        push(["promptLab", "cases", k, "vars"], `the broken prompt uses {{${missing.join("}}, {{")}}} but this case gives no value`);
    });
  }
  for (const p of checkVariables(q)) push(p.path, p.message);
  return problems;
}

/** Problems a schema cannot see: references, uniqueness and consistency across the pack. */
export function crossCheckPack(pack: Pack): CrossProblem[] {
  const problems: CrossProblem[] = [];
  const byId = new Map<string, number>();
  pack.questions.forEach((q, i) => {
    if (byId.has(q.id)) {
      problems.push({ path: ["questions", i, "id"], message: `duplicate question id "${q.id}" (first at questions[${byId.get(q.id)}])` });
    } else byId.set(q.id, i);
    problems.push(...checkQuestion(q, ["questions", i]));
  });
  const roundIds = new Set<string>();
  // A question asked in two rounds would be answered twice under one id: the first answer lost.
  const drawnBy = new Map<string, number>();
  pack.rounds.forEach((r, i) => {
    for (const qid of new Set(roundQuestionIds(pack, r))) {
      const other = drawnBy.get(qid);
      if (other !== undefined) {
        problems.push({
          path: ["rounds", i],
          message: `rounds[${other}] ("${pack.rounds[other]!.id}") and this round can both ask "${qid}"; give each round its own questions list`,
        });
        break;
      }
      drawnBy.set(qid, i);
    }
    (r.questions ?? []).forEach((qid, j) => {
      if ((r.questions ?? []).indexOf(qid) !== j) problems.push({ path: ["rounds", i, "questions", j], message: `lists "${qid}" twice` });
    });
  });
  pack.rounds.forEach((r, i) => {
    if (roundIds.has(r.id)) problems.push({ path: ["rounds", i, "id"], message: `duplicate round id "${r.id}"` });
    roundIds.add(r.id);
    const ids = roundQuestionIds(pack, r);
    if (ids.length === 0) problems.push({ path: ["rounds", i], message: `no ${r.kind} question in the pack for this round` });
    (r.questions ?? []).forEach((qid, j) => {
      const qi = byId.get(qid);
      if (qi === undefined) {
        problems.push({ path: ["rounds", i, "questions", j], message: `refers to missing question "${qid}"` });
      } else if (pack.questions[qi]!.kind !== r.kind) {
        problems.push({
          path: ["rounds", i, "questions", j],
          message: `question "${qid}" is a ${pack.questions[qi]!.kind} question but the round is ${r.kind}`,
        });
      }
    });
    if (ids.length > 0 && r.pick > ids.length) {
      problems.push({ path: ["rounds", i, "pick"], message: `picks ${r.pick} questions but has only ${ids.length}` });
    }
  });
  return problems;
}
