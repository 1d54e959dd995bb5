import type { ChatOpenAI } from "@langchain/openai";
import { isMap, isSeq, parseDocument, stringify } from "yaml";
import { z } from "zod";
import type { DraftQuestionBody, DraftQuestionResult, Level, RoundKind } from "../../contracts/index.js";
import { loadTemplate, renderTemplate } from "../../llm/templates.js";
import { modelFailure } from "../../llm/untrusted.js";
import { PackValidationError, parsePackLocated } from "../../scenarios/index.js";
import { ServiceError } from "../../contracts/index.js";

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
type DraftOutput = z.infer<typeof DraftOutputSchema>;

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50) || "question";

/** The model's draft in the pack format (as plain data, to become YAML). */
export function questionFromDraft(draft: DraftOutput, kind: RoundKind, level: Level, taken: Set<string>) {
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
export function withQuestion(source: string | undefined, question: ReturnType<typeof questionFromDraft>, kind: RoundKind): string {
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

/**
 * "Draft a question from a role description": the model writes the question,
 * rubric and exemplars; the result always lands as YAML to edit, with every
 * validation problem listed (a draft is never published by itself).
 */
export function createQuestionDrafter(chat: ChatOpenAI, options: { timeoutMs: number }) {
  const system = loadTemplate("authoring/draft-question-system.md");
  const user = loadTemplate("authoring/draft-question-user.md");
  const structured = chat.withStructuredOutput(DraftOutputSchema, { name: "question_draft", method: "jsonSchema", strict: true });
  return async (body: DraftQuestionBody): Promise<DraftQuestionResult> => {
    let draft: DraftOutput;
    try {
      const raw = await structured.invoke(
        [
          ["system", renderTemplate(system, { kind: body.kind, level: body.level })],
          ["human", renderTemplate(user, { role: body.role.replace(/<\s*\/?\s*role_description\s*>/gi, "[tag removed]") })],
        ],
        { signal: AbortSignal.timeout(options.timeoutMs) },
      );
      draft = DraftOutputSchema.parse(raw);
    } catch (err) {
      throw new ServiceError("MODEL_FAILED", `the model could not draft a question (${modelFailure(err)}); try again or write it by hand`);
    }
    const taken = new Set<string>();
    try {
      const existing = body.source ? parsePackLocated(body.source, "editor").pack : null;
      for (const q of existing?.questions ?? []) taken.add(q.id);
    } catch {
      // An editor pack with problems still gets the question; its problems are listed below.
    }
    const yaml = withQuestion(body.source, questionFromDraft(draft, body.kind, body.level, taken), body.kind);
    try {
      parsePackLocated(yaml, "draft");
      return { yaml, valid: true, issues: [] };
    } catch (err) {
      if (err instanceof PackValidationError) return { yaml, valid: false, issues: err.issues };
      throw err;
    }
  };
}
export type QuestionDrafter = ReturnType<typeof createQuestionDrafter>;
