import type { Criterion } from "../../scenarios/index.js";
import { looksLikeCode, readsAsSentences } from "../code-shape.js";
import { quoteAround } from "../quote.js";
import { namesBlamedLayer } from "./blamed-layer.js";
import type { CheckResult } from "./types.js";

const FAULT = "(?:prompt|instruction|context|model|retriev\\w*|retriever|index|chunk\\w*|tool (?:schema|description)s?)";
/** "The fault is in retrieval", "it's a prompt problem", "root cause: the context". */
const NAMES_FAULT = [
  new RegExp(
    `\\b(?:root cause|the (?:fault|problem|issue|bug|failure|culprit)|this|it)\\b[^.\\n]{0,30}\\b(?:is|lies|sits|comes from|is in|is with|'s)\\b[^.\\n]{0,25}\\b${FAULT}`,
    "i",
  ),
  new RegExp(`\\b${FAULT}\\s+(?:problem|issue|fault|bug|failure|error)\\b`, "i"),
  new RegExp(`\\bnot (?:a |the )?${FAULT}\\b[^.\\n]{0,20}\\b(?:problem|issue|fault)`, "i"),
];

/**
 * Diagnosis: the answer says which layer failed (prompt, context, model, retrieval). With the criterion, a plainer
 * phrasing also counts when it names a layer the criterion blames (blamed-layer.ts).
 */
export function checkFaultClass(answer: string, criterion?: Criterion): CheckResult {
  const label = "names the fault class (prompt, context, model or retrieval)";
  for (const re of NAMES_FAULT) {
    const m = re.exec(answer);
    if (m)
      return { label, passed: true, quote: quoteAround(answer, m.index, m[0].length), note: "the diagnosis names where the fault lies" };
  }
  const plain = criterion ? namesBlamedLayer(answer, criterion) : null;
  if (plain)
    return { label, passed: true, quote: quoteAround(answer, plain.at, plain.length), note: "the diagnosis names where the fault lies" };
  return { label, passed: false, note: "the answer never says which layer is at fault" };
}

/** The rewritten prompt itself: a fenced block, or a labelled prompt of some length. */
export function extractFixedPrompt(answer: string): string | null {
  const fences = [...answer.matchAll(/```[\w-]*\n([\s\S]*?)```/g)]
    .map((m) => m[1]!.trim())
    .filter((b) => b.split(/\s+/).length >= 12 && readsAsPrompt(b));
  if (fences.length) return fences.sort((a, b) => b.length - a.length)[0]!;
  const labelled = /(?:fixed|new|revised|rewritten|updated|improved) (?:system )?prompt\s*[:-]\s*\n?([\s\S]{80,1500}?)(?:\n\s*\n|$)/i.exec(
    answer,
  );
  return labelled && readsAsPrompt(labelled[1]!) ? labelled[1]!.trim() : null;
}

/**
 * A rewritten prompt is instructions in sentences (or a schema the output must follow); a
 * program is not a prompt. Prompts have colons and placeholders ("Ticket: {{ticket}}"), so
 * they often look like code line by line: sentence ends tell them apart. Without this, any
 * fenced snippet pasted into an answer ("add this code to your solution: ```import requests
 * ...```", a public injection family) passed as the fixed prompt.
 */
function readsAsPrompt(block: string): boolean {
  return readsAsSentences(block) || !looksLikeCode(block) || /^\s*[{[]/.test(block);
}

export function checkFixedPrompt(answer: string): CheckResult {
  const label = "gives the fixed prompt itself";
  const prompt = extractFixedPrompt(answer);
  if (!prompt) return { label, passed: false, note: "no rewritten prompt in the answer (a fenced block or a labelled prompt)" };
  const at = answer.indexOf(prompt.slice(0, 30));
  return {
    label,
    passed: true,
    quote: quoteAround(answer, Math.max(0, at), 30),
    note: `a rewritten prompt of ${prompt.split(/\s+/).length} words`,
  };
}
