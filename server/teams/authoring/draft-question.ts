import type { ChatOpenAI } from "@langchain/openai";
import type { DraftQuestionBody, DraftQuestionResult } from "../../contracts/index.js";
import { loadTemplate, renderTemplate } from "../../llm/templates.js";
import { modelFailure } from "../../llm/untrusted.js";
import { DraftOutputSchema, placeDraftedQuestion, type DraftOutput, type DraftPlacement } from "./place-draft.js";
import { ServiceError } from "../../contracts/index.js";

/**
 * "Draft a question from a role description": the model writes the question,
 * rubric and exemplars; the result always lands as YAML to edit, with every
 * validation problem listed (a draft is never published by itself).
 */
export function createQuestionDrafter(
  chat: ChatOpenAI,
  options: {
    timeoutMs: number;
    /** Places the draft in the editor's pack for `team` (the server: in the pack reader's thread); default on this thread. */
    place?: ((placement: DraftPlacement, team: string) => Promise<DraftQuestionResult>) | undefined;
  },
) {
  const place = options.place ?? (async (placement: DraftPlacement) => placeDraftedQuestion(placement));
  const system = loadTemplate("authoring/draft-question-system.md");
  const user = loadTemplate("authoring/draft-question-user.md");
  const structured = chat.withStructuredOutput(DraftOutputSchema, { name: "question_draft", method: "jsonSchema", strict: true });
  return async (body: DraftQuestionBody, team: string): Promise<DraftQuestionResult> => {
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
    return place({ source: body.source, kind: body.kind, level: body.level, draft }, team);
  };
}
export type QuestionDrafter = ReturnType<typeof createQuestionDrafter>;
