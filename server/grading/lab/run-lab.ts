import type { ChatOpenAI } from "@langchain/openai";
import type { PromptLab } from "../../scenarios/index.js";
import type { LabEvidence } from "../checks/index.js";
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

async function passRate(chat: ChatOpenAI, template: string, lab: PromptLab, signal: AbortSignal): Promise<number> {
  let passed = 0;
  for (const c of lab.cases) {
    const reply = await chat.invoke([["human", renderLabPrompt(template, c.vars)]], { signal });
    const output = typeof reply.content === "string" ? reply.content : JSON.stringify(reply.content);
    if (c.assert.every((a) => checkAssertion(a, output).passed)) passed++;
  }
  return passed / lab.cases.length;
}

/** Run the broken prompt and the candidate's fix on every lab case; the difference is evidence the fix works. */
export async function runLab(chat: ChatOpenAI, lab: PromptLab, fixedPrompt: string, timeoutMs: number): Promise<LabEvidence> {
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    const [brokenPassRate, fixedPassRate] = [await passRate(chat, lab.brokenPrompt, lab, signal), await passRate(chat, fixedPrompt, lab, signal)];
    return { ran: true, brokenPassRate, fixedPassRate, cases: lab.cases.length };
  } catch (err) {
    return { ran: false, reason: `the lab could not run: ${(err as Error).message.slice(0, 160)}` };
  }
}
