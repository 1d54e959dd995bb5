import type { Pack } from "./schema.js";

/** Problems a schema cannot see: references and uniqueness across the pack. */
export function crossCheckPack(pack: Pack): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const byId = new Map<string, number>();
  pack.questions.forEach((q, i) => {
    if (byId.has(q.id)) {
      problems.push({ path: ["questions", i, "id"], message: `duplicate question id "${q.id}" (first at questions[${byId.get(q.id)}])` });
    } else byId.set(q.id, i);
    const criterionIds = new Set<string>();
    q.rubric.forEach((c, j) => {
      if (criterionIds.has(c.id)) problems.push({ path: ["questions", i, "rubric", j, "id"], message: `duplicate criterion id "${c.id}"` });
      criterionIds.add(c.id);
    });
    q.exemplars.forEach((ex, j) => {
      for (const criterionId of Object.keys(ex.scores)) {
        if (!criterionIds.has(criterionId)) {
          problems.push({ path: ["questions", i, "exemplars", j, "scores", criterionId], message: `scores unknown criterion "${criterionId}"; known: ${[...criterionIds].join(", ")}` });
        }
      }
    });
    if (q.kind === "coding" && !q.starterCode) {
      problems.push({ path: ["questions", i, "starterCode"], message: "a coding question needs starter code for at least one language" });
    }
  });
  const roundIds = new Set<string>();
  pack.rounds.forEach((r, i) => {
    if (roundIds.has(r.id)) problems.push({ path: ["rounds", i, "id"], message: `duplicate round id "${r.id}"` });
    roundIds.add(r.id);
    r.questions.forEach((qid, j) => {
      const qi = byId.get(qid);
      if (qi === undefined) {
        problems.push({ path: ["rounds", i, "questions", j], message: `refers to missing question "${qid}"` });
      } else if (pack.questions[qi]!.kind !== r.kind) {
        problems.push({ path: ["rounds", i, "questions", j], message: `question "${qid}" is a ${pack.questions[qi]!.kind} question but the round is ${r.kind}` });
      }
    });
  });
  return problems;
}
