import type { Criterion } from "../../scenarios/index.js";

/**
 * Where a plain answer says the fault lies without the rubric's phrase: "the real cause is the rewrite prompt",
 * "Fault is in prompt", "the prompt is to blame", "it is caused by the prompt". Engineers writing a second
 * language, or outside the field's jargon, say it this way; checkFaultClass's phrasings ("the fault is in",
 * "a prompt problem") miss it.
 *
 * These looser phrasings would also let any answer that blames the wrong layer ("the model is the problem") pass,
 * so they count only for a layer the criterion itself blames: one its description names before its first colon or
 * full stop ("A prompt and context fault: ..."), less any its level-0 anchor names ("Blames the model ..."). The
 * stricter phrasings keep accepting any layer, as before.
 */
const LAYER = "(prompt|instructions?|context|model|retriev\\w*|index|chunk\\w*|tool (?:schema|description)s?)";
const FAULT_WORD = "(?:fault|problem|issue|bug|failure|culprit|cause|mistake|error)";
const NOT = /\b(?:not|never|no)\b|n't\b/i;
/** "the real cause is the rewrite prompt", "Fault is in prompt", "the main problem lies with the context". */
const FAULT_IS_LAYER = new RegExp(
  `\\b${FAULT_WORD}\\b([^.\\n]{0,30}?)\\b(?:is|was|lies|sits|comes|are)\\b([^.\\n]{0,25}?)\\b${LAYER}\\b`,
  "gi",
);
/** "the rewrite prompt is the cause", "the prompt is to blame", "the context is at fault", "caused by the prompt". */
const LAYER_IS_FAULT = new RegExp(
  `\\b${LAYER}\\b(?:'s|\\s+(?:is|was))\\s+((?:the|to|at|our|a)\\s+)?(?:\\w+\\s+)?(?:blame|${FAULT_WORD})\\b`,
  "gi",
);
const CAUSED_BY_LAYER = new RegExp(
  `\\b(?:caused|created|comes|coming) (?:by|from)((?: (?:the|our|this|a|an))?(?: [a-z-]+)?) ${LAYER}\\b`,
  "gi",
);

type Layer = "prompt" | "context" | "model" | "retrieval" | "tool";
function layerOf(word: string): Layer {
  const w = word.toLowerCase();
  if (w.startsWith("instruction") || w === "prompt") return "prompt";
  if (w === "context" || w === "model") return w;
  if (w.startsWith("tool")) return "tool";
  return "retrieval";
}

const layersIn = (text: string) => new Set([...text.matchAll(new RegExp(`\\b${LAYER}\\b`, "gi"))].map((m) => layerOf(m[1]!)));

const blamedByCriterion = new WeakMap<Criterion, ReadonlySet<Layer>>();
/** The layers the criterion blames (see above); none when its description names none. */
function blamedLayers(criterion: Criterion): ReadonlySet<Layer> {
  let known = blamedByCriterion.get(criterion);
  if (known) return known;
  const first = criterion.description.split(/:|(?<=[a-z)])\.\s/)[0] ?? "";
  const named = layersIn(first);
  const wrong = layersIn(String(criterion.anchors["0"] ?? ""));
  const kept = new Set([...named].filter((l) => !wrong.has(l)));
  known = kept.size ? kept : named;
  blamedByCriterion.set(criterion, known);
  return known;
}

/** The first place the text names one of the criterion's blamed layers as the fault in plain words, or null. */
export function namesBlamedLayer(text: string, criterion: Criterion): { at: number; length: number } | null {
  const blamed = blamedLayers(criterion);
  if (!blamed.size) return null;
  let best: { at: number; length: number } | null = null;
  const consider = (re: RegExp, layerGroup: number, between: number[]) => {
    for (const m of text.matchAll(re)) {
      if (between.some((g) => NOT.test(m[g] ?? ""))) continue;
      if (!blamed.has(layerOf(m[layerGroup]!))) continue;
      if (!best || m.index < best.at) best = { at: m.index, length: m[0].length };
      break;
    }
  };
  consider(FAULT_IS_LAYER, 3, [1, 2]);
  consider(LAYER_IS_FAULT, 1, []);
  consider(CAUSED_BY_LAYER, 2, [1]);
  return best;
}
