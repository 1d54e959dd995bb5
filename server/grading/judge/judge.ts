import type { AIMessage } from "@langchain/core/messages";
import type { ChatOpenAI } from "@langchain/openai";
import { z } from "zod";
import { loadTemplate, renderTemplate } from "../../llm/templates.js";
import { fenceCandidateText, modelFailure, modelFailureNote } from "../../llm/untrusted.js";
import type { Question } from "../../scenarios/index.js";

export const JUDGE_PROMPT_VERSION = "judge-v1";

/** Flat on purpose: strict JSON-schema mode rejects unions, so no optional or either-or fields. */
export const JudgeOutputSchema = z.object({
  criteria: z.array(z.object({ criterionId: z.string(), score: z.number(), rationale: z.string(), quote: z.string() })),
});
export type JudgeCriterion = z.infer<typeof JudgeOutputSchema>["criteria"][number];
/** Tokens the call used, for the session's usage and cost (also reported when the call fails after a reply). */
export type ModelUsage = { model: string; inputTokens: number; outputTokens: number };
export type JudgeResult = ({ ok: true; criteria: JudgeCriterion[] } | { ok: false; error: string }) & { usage?: ModelUsage };

export type Judge = {
  model: string;
  promptVersion: string;
  grade(question: Question, answer: string): Promise<JudgeResult>;
};

function rubricForPrompt(question: Question): string {
  return question.rubric
    .map((c) =>
      [`- ${c.id}: ${c.title}. ${c.description}`, ...Object.entries(c.anchors).map(([level, text]) => `    ${level}: ${text}`)].join("\n"),
    )
    .join("\n");
}

/**
 * The LLM judge: rubric anchors in the system prompt, the (already cleaned)
 * answer fenced as untrusted data, structured output. It never throws: an
 * error or timeout comes back as { ok: false } so it is reported, not scored.
 */
export function createJudge(chat: ChatOpenAI, options: { model: string; timeoutMs: number }): Judge {
  const system = loadTemplate("judge/system.md");
  const user = loadTemplate("judge/user.md");
  const structured = chat.withStructuredOutput(JudgeOutputSchema, {
    name: "rubric_grades",
    method: "jsonSchema",
    strict: true,
    includeRaw: true,
  });
  return {
    model: options.model,
    promptVersion: JUDGE_PROMPT_VERSION,
    async grade(question, answer) {
      try {
        const result = await structured.invoke(
          [
            ["system", renderTemplate(system, { question: question.prompt.trim(), rubric: rubricForPrompt(question) })],
            ["human", renderTemplate(user, { answer: fenceCandidateText(answer) })],
          ],
          { signal: AbortSignal.timeout(options.timeoutMs) },
        );
        const meta = (result.raw as AIMessage).usage_metadata;
        const usage = meta ? { usage: { model: options.model, inputTokens: meta.input_tokens, outputTokens: meta.output_tokens } } : {};
        const parsed = JudgeOutputSchema.safeParse(result.parsed);
        if (!parsed.success) return { ok: false, error: "the judge's reply did not match the expected structure", ...usage };
        return { ok: true, criteria: parsed.data.criteria, ...usage };
      } catch (err) {
        // The provider's own text never reaches a report: it can hold the API key (modelFailureNote).
        const why = modelFailure(err);
        return {
          ok: false,
          error:
            why === "timed out"
              ? "the judge timed out"
              : why === "rate limited"
                ? "the judge was rate limited"
                : `the judge ${modelFailureNote(err)}`,
        };
      }
    },
  };
}
