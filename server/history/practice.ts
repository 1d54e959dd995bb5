import { MAX_PRACTICE_QUESTIONS, type PracticeRequest, type PracticeSuggestion } from "../contracts/index.js";
import type { PackCatalog, PackRecord } from "../scenarios/index.js";

/**
 * "Practise next": questions from a listed public pack whose rubrics score the
 * criteria asked for, most targets first, at most one question per target
 * criterion. Only the server's own public packs: a team's private questions never
 * leak here, and a team's public pack is never suggested either, since that team
 * sees every session taken on it (the lobby says so; a suggestion would not).
 */
type Wanted = PracticeRequest["criteria"][number];
type Rubric = PackRecord["pack"]["questions"][number]["rubric"];
const sameTitle = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The rubric criterion of `rubric` (in pack `packKey`) that a wanted criterion names. A criterion id
 * is its own pack's word: "cost" in a team's pack says nothing about "cost" in another, so an id is
 * matched in the pack it was scored in; elsewhere only a criterion of the same title matches.
 * A request naming neither pack nor title is matched by id (callers before the two fields).
 */
function matching(w: Wanted, packKey: string, rubric: Rubric): Rubric[number] | undefined {
  if (w.packId === undefined && w.title === undefined) return rubric.find((c) => c.id === w.criterionId);
  if (w.packId === packKey) {
    const byId = rubric.find((c) => c.id === w.criterionId);
    if (byId) return byId;
  }
  return w.title === undefined ? undefined : rubric.find((c) => sameTitle(c.title, w.title!));
}

export async function suggestPractice(packs: PackCatalog, request: PracticeRequest): Promise<PracticeSuggestion> {
  const wanted = request.criteria;
  let best: PracticeSuggestion = { packId: null, questions: [] };
  for (const record of await packs.listPublic()) {
    if (record.visibility !== "public" || record.teamId !== null) continue;
    const scored = record.pack.questions
      .map((q, order) => {
        const targets = wanted.filter((w) => w.kind === q.kind && matching(w, record.key, q.rubric) !== undefined);
        return { q, order, targets };
      })
      .filter((s) => s.targets.length > 0)
      .sort((a, b) => b.targets.length - a.targets.length || a.order - b.order);
    const covered = new Set<string>();
    const questions: PracticeSuggestion["questions"] = [];
    for (const s of scored) {
      const fresh = s.targets.filter((t) => !covered.has(`${t.kind}:${t.criterionId}`));
      if (fresh.length === 0 || questions.length >= MAX_PRACTICE_QUESTIONS) continue;
      for (const t of s.targets) covered.add(`${t.kind}:${t.criterionId}`);
      questions.push({
        id: s.q.id,
        kind: s.q.kind,
        title: s.q.title,
        targets: s.targets.map((t) => matching(t, record.key, s.q.rubric)!.title),
      });
    }
    if (questions.length > best.questions.length) best = { packId: record.key, questions };
  }
  return best;
}
