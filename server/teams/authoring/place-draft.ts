import { isMap, isSeq, parseDocument, stringify } from "yaml";
import { z } from "zod";
import type { DraftQuestionResult, Level, RoundKind } from "../../contracts/index.js";
import { PackValidationError, parsePackLocated } from "../../scenarios/index.js";

/** Flat on purpose: strict JSON-schema mode rejects unions and optional fields. */
export const DraftOutputSchema = z.object({
  title: z.string(),
  prompt: z.string(),
  timeGuideMinutes: z.number(),
  criteria: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      weight: z.number(),
      description: z.string(),
      anchor0: z.string(),
      anchor1: z.string(),
      anchor2: z.string(),
      anchor3: z.string(),
      anchor4: z.string(),
      terms: z.array(z.string()),
      probe: z.string(),
    }),
  ),
  exemplars: z.array(
    z.object({ level: z.string(), answer: z.string(), scores: z.array(z.object({ criterionId: z.string(), score: z.number() })) }),
  ),
});
export type DraftOutput = z.infer<typeof DraftOutputSchema>;

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50) || "question";

/** The model's draft in the pack format (as plain data, to become YAML). */
function questionFromDraft(draft: DraftOutput, kind: RoundKind, level: Level, taken: Set<string>) {
  let id = slug(draft.title);
  for (let n = 2; taken.has(id); n++) id = `${slug(draft.title)}-${n}`;
  return {
    id,
    kind,
    level,
    title: draft.title,
    prompt: draft.prompt,
    timeGuideMinutes: draft.timeGuideMinutes,
    rubric: draft.criteria.map((c) => ({
      id: slug(c.id),
      title: c.title,
      weight: c.weight,
      description: c.description,
      anchors: { "0": c.anchor0, "1": c.anchor1, "2": c.anchor2, "3": c.anchor3, "4": c.anchor4 },
      evidence: { concepts: [{ label: c.title, terms: c.terms }] },
      probes: c.probe ? [c.probe] : [],
    })),
    exemplars: draft.exemplars.map((e) => ({
      level: e.level,
      answer: e.answer,
      scores: Object.fromEntries(e.scores.map((s) => [slug(s.criterionId), s.score])),
    })),
  };
}

/** Add the question to the editor's pack (keeping the author's comments), or make a new pack around it. */
function withQuestion(source: string | undefined, question: ReturnType<typeof questionFromDraft>, kind: RoundKind): string {
  const doc = source?.trim() ? parseDocument(source) : null;
  if (!doc || doc.errors.length || !isMap(doc.contents)) {
    return stringify({
      id: `draft-${question.id}`.slice(0, 60),
      title: question.title,
      description: "Drafted from a role description; edit before publishing.",
      rounds: [{ id: kind, kind, title: kind.replace(/-/g, " "), minutes: Math.max(5, Math.round(question.timeGuideMinutes * 1.5)) }],
      questions: [question],
    });
  }
  const questions = doc.get("questions");
  if (isSeq(questions)) questions.add(doc.createNode(question));
  else doc.set("questions", doc.createNode([question]));
  const rounds = doc.get("rounds");
  const hasRound = isSeq(rounds) && rounds.items.some((r) => isMap(r) && r.get("kind") === kind);
  if (!hasRound) {
    const round = doc.createNode({
      id: kind,
      kind,
      title: kind.replace(/-/g, " "),
      minutes: Math.max(5, Math.round(question.timeGuideMinutes * 1.5)),
    });
    if (isSeq(rounds)) rounds.add(round);
    else doc.set("rounds", doc.createNode([round]));
  }
  return doc.toString();
}

/** Where a drafted question goes: the editor's pack (a new pack when absent), as the question's kind and level. */
export type DraftPlacement = { source?: string | undefined; kind: RoundKind; level: Level; draft: DraftOutput };

/**
 * The model's draft as a pack to edit: added to the editor's pack under an id none of its questions has, then the
 * whole pack checked, with every problem listed. Parsing and checking the editor's pack (up to 2 MB) is CPU-bound: the
 * server does this in the pack reader's thread (server/packs/reader), never on its event loop.
 */
export function placeDraftedQuestion({ source, kind, level, draft }: DraftPlacement): DraftQuestionResult {
  const taken = new Set<string>();
  try {
    const existing = source ? parsePackLocated(source, "editor").pack : null;
    for (const q of existing?.questions ?? []) taken.add(q.id);
  } catch {
    // An editor pack with problems still gets the question; its problems are listed below.
  }
  const yaml = withQuestion(source, questionFromDraft(draft, kind, level, taken), kind);
  try {
    parsePackLocated(yaml, "draft");
    return { yaml, valid: true, issues: [] };
  } catch (err) {
    if (err instanceof PackValidationError) return { yaml, valid: false, issues: err.issues };
    throw err;
  }
}
