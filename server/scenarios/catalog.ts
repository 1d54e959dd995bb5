import type { Pack, Question } from "./schema.js";

/** Read-only lookup over the loaded packs. */
export type PackCatalog = {
  list(): Pack[];
  get(packId: string): Pack | undefined;
  question(packId: string, questionId: string): Question | undefined;
};

export function createPackCatalog(packs: Pack[]): PackCatalog {
  const byId = new Map(packs.map((p) => [p.id, p]));
  const questions = new Map(packs.map((p) => [p.id, new Map(p.questions.map((q) => [q.id, q]))]));
  return {
    list: () => [...byId.values()],
    get: (packId) => byId.get(packId),
    question: (packId, questionId) => questions.get(packId)?.get(questionId),
  };
}
