import type { AIMessageChunk } from "@langchain/core/messages";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { budgetUsedUp, type Interviewer, type TurnMeta } from "./interviewer.js";
import { loadTemplate, renderTemplate } from "./templates.js";
import { fenceCandidateText, modelFailure } from "./untrusted.js";

/** The model sees at most this much of an answer: enough to refer to it, bounded in cost. */
const MAX_ANSWER_CHARS = 6000;
const textOf = (chunk: AIMessageChunk) => (typeof chunk.content === "string" ? chunk.content : "");

/**
 * ChatOpenAI writes follow-ups and round transitions, streamed token by token.
 * The pack's questions themselves are shown verbatim. The model never sees
 * anchors, evidence hints, exemplars or tests, so it cannot reveal them.
 * Any error, timeout or an exhausted token budget falls back to the offline
 * interviewer for that turn, with a note: the interview never stalls.
 */
export function createModelInterviewer(options: {
  chat: BaseChatModel;
  model: string;
  timeoutMs: number;
  offline: Interviewer;
}): Interviewer {
  const { chat, model, timeoutMs, offline } = options;
  const system = loadTemplate("interviewer/follow-up-system.md");
  const user = loadTemplate("interviewer/follow-up-user.md");
  const transition = loadTemplate("interviewer/transition.md");

  /** Stream a model reply; on failure say why (partial text may already have been yielded). */
  async function* stream(
    messages: [string, string][],
  ): AsyncGenerator<string, { usage?: TurnMeta["usage"]; error?: string; yielded: boolean }> {
    let yielded = false;
    let inputTokens = 0;
    let outputTokens = 0;
    try {
      const chunks = await chat.stream(messages, { signal: AbortSignal.timeout(timeoutMs) });
      for await (const chunk of chunks) {
        const text = textOf(chunk);
        if (text) {
          yielded = true;
          yield text;
        }
        if (chunk.usage_metadata) {
          inputTokens += chunk.usage_metadata.input_tokens;
          outputTokens += chunk.usage_metadata.output_tokens;
        }
      }
      return { usage: { model, inputTokens, outputTokens }, yielded };
    } catch (err) {
      return { error: modelFailure(err), yielded, usage: { model, inputTokens, outputTokens } };
    }
  }

  return {
    async *askQuestion(input) {
      let meta: TurnMeta = {};
      if (input.transition && !budgetUsedUp(input.ctx?.tokensLeft)) {
        const result = yield* stream([["human", renderTemplate(transition, { transition: input.transition })]]);
        if (result.yielded) yield "\n\n";
        meta = result.error
          ? { note: `The interviewer model ${result.error}; the transition was skipped.` }
          : { ...(result.usage ? { usage: result.usage } : {}) };
      }
      const offlineMeta = yield* offline.askQuestion(input);
      return { ...offlineMeta, ...meta };
    },
    async *followUp(input) {
      if (budgetUsedUp(input.ctx?.tokensLeft)) {
        yield* offline.followUp(input);
        return { note: "The session's model token budget was used up; the offline interviewer asked this." };
      }
      const result = yield* stream([
        ["system", system],
        [
          "human",
          renderTemplate(user, {
            question: input.question.prompt.trim(),
            topic: input.criterion.title,
            coverage: input.partly ? "has covered only in part (ask about the part it has not covered)" : "has not covered",
            probe: input.probe,
            answer: fenceCandidateText(input.answerText.slice(0, MAX_ANSWER_CHARS)),
          }),
        ],
      ]);
      if (!result.error) return result.usage ? { usage: result.usage } : {};
      // Fall back for this turn: the offline probe, after whatever the model managed to say.
      if (result.yielded) yield "\n\n";
      yield* offline.followUp(input);
      return {
        note: `The interviewer model ${result.error}; the offline interviewer asked this.`,
        ...(result.usage?.inputTokens ? { usage: result.usage } : {}),
      };
    },
  };
}
