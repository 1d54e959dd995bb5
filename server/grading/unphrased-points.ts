import type { Pack } from "../scenarios/index.js";
import { linkedConcepts } from "./language/domain-lexicon/index.js";

/**
 * The key points a candidate cannot state in everyday words: no plain phrasing of the pack's own (`plain`) and no
 * concept of the domain lexicon named by their terms. An answer that says such a point without its terms ("stop
 * training once the validation loss stops going down" for early stopping) earns nothing for it, so `calibrate`
 * lists them for the pack's authors to phrase (docs/scenario-format.md, "Also said as").
 */
export type UnphrasedPoint = { questionId: string; criterionId: string; label: string };

export function unphrasedPoints(pack: Pack): { points: UnphrasedPoint[]; total: number } {
  const points: UnphrasedPoint[] = [];
  let total = 0;
  for (const q of pack.questions)
    for (const c of q.rubric)
      for (const k of c.evidence.concepts) {
        total++;
        if (!k.plain?.length && !linkedConcepts(k.terms).length) points.push({ questionId: q.id, criterionId: c.id, label: k.label });
      }
  return { points, total };
}
