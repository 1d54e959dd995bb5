import { MAX_PRACTICE_QUESTIONS, type PracticeRequest, type PracticeSuggestion } from "../contracts/index.js";
import type { PackCatalog } from "../scenarios/index.js";

/**
 * "Practise next": questions from a listed public pack whose rubrics score the
 * criteria asked for, most targets first, at most one question per target
 * criterion. Only the server's own public packs: a team's private questions never
 * leak here, and a team's public pack is never suggested either, since that team
 * sees every session taken on it (the lobby says so; a suggestion would not).
 */
export async function suggestPractice(packs: PackCatalog, request: PracticeRequest): Promise<PracticeSuggestion> {
  const wanted = request.criteria;
  let best: PracticeSuggestion = { packId: null, questions: [] };
  for (const record of await packs.listPublic()) {
    if (record.visibility !== "public" || record.teamId !== null) continue;
    const scored = record.pack.questions
      .map((q, order) => {
        const targets = wanted.filter((w) => w.kind === q.kind && q.rubric.some((c) => c.id === w.criterionId));
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
        targets: s.targets.map((t) => s.q.rubric.find((c) => c.id === t.criterionId)!.title),
      });
    }
    if (questions.length > best.questions.length) best = { packId: record.key, questions };
  }
  return best;
}
