import type { ChatOpenAI } from "@langchain/openai";
import type { PromptLab } from "../../scenarios/index.js";
import type { LabEvidence } from "../checks/index.js";
import { modelFailureNote } from "../../llm/untrusted.js";
import { checkAssertion } from "./assertions.js";

/** Fill {{slots}}; inputs the prompt has no slot for are appended, so the model still sees them. */
export function renderLabPrompt(template: string, vars: Record<string, string>): string {
  const used = new Set<string>();
  const filled = template.replace(/\{\{(\w+)\}\}/g, (m, key: string) => {
    if (!(key in vars)) return m;
    used.add(key);
    return vars[key]!;
  });
  const rest = Object.entries(vars).filter(([k]) => !used.has(k));
  return rest.length ? `${filled}\n\n${rest.map(([k, v]) => `${k}:\n${v}`).join("\n\n")}` : filled;
}

type Tokens = { inputTokens: number; outputTokens: number };

async function passRate(chat: ChatOpenAI, template: string, lab: PromptLab, signal: AbortSignal, tokens: Tokens): Promise<number> {
  let passed = 0;
  for (const c of lab.cases) {
    const reply = await chat.invoke([["human", renderLabPrompt(template, c.vars)]], { signal });
    tokens.inputTokens += reply.usage_metadata?.input_tokens ?? 0;
    tokens.outputTokens += reply.usage_metadata?.output_tokens ?? 0;
    const output = typeof reply.content === "string" ? reply.content : JSON.stringify(reply.content);
    if (c.assert.every((a) => checkAssertion(a, output).passed)) passed++;
  }
  return passed / lab.cases.length;
}

/** Run the broken prompt and the candidate's fix on every lab case; the difference is evidence the fix works. */
export async function runLab(
  chat: ChatOpenAI,
  lab: PromptLab,
  fixedPrompt: string,
  timeoutMs: number,
  model = chat.model,
): Promise<LabEvidence> {
  const tokens: Tokens = { inputTokens: 0, outputTokens: 0 };
  const usage = () => (tokens.inputTokens + tokens.outputTokens > 0 ? { usage: { model, ...tokens } } : {});
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    const brokenPassRate = await passRate(chat, lab.brokenPrompt, lab, signal, tokens);
    const fixedPassRate = await passRate(chat, fixedPrompt, lab, signal, tokens);
    return { ran: true, brokenPassRate, fixedPassRate, cases: lab.cases.length, ...usage() };
  } catch (err) {
    // The provider's own text never reaches a report: it can hold the API key (modelFailureNote).
    return { ran: false, reason: `the lab could not run: the model call ${modelFailureNote(err)}`, ...usage() };
  }
}
