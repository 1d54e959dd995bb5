import { findTerm, type CriterionGap } from "../grading/index.js";
import { stablePick } from "../llm/index.js";

/**
 * What the interviewer asks on a follow-up: one of the pack's probes for the
 * criterion, the one aimed at what the answer is missing. Probes are written
 * by the pack's author to be asked aloud; key-point labels and terms, anchors,
 * hints and exemplars are the grader's and never reach this text (the labels
 * only choose between probes). A probe wins by naming more of the missing key
 * points, then fewer of those already stated ("Why add jitter?" once the
 * answer has backoff but no jitter); probes that tie are picked by the turn id,
 * so a re-run step asks the same one. Without probes: the criterion's title,
 * which candidates see in their history anyway.
 */
export function probeFor(gap: CriterionGap, turnId: string): string {
  const { criterion } = gap;
  const probes = criterion.probes;
  if (probes.length === 0) {
    const topic = criterion.title.toLowerCase();
    return gap.level > 0 ? `What else would you add about ${topic}?` : `Could you say more about ${topic}?`;
  }
  const named = (probe: string, labels: readonly string[]) => {
    const lower = probe.toLowerCase();
    return labels.filter((label) => termsOf(gap, label).some((term) => findTerm(lower, term) >= 0)).length;
  };
  const ranked = probes.map((probe) => ({ probe, aims: named(probe, gap.missing), repeats: named(probe, gap.covered) }));
  const best = ranked.reduce((a, b) => (b.aims > a.aims || (b.aims === a.aims && b.repeats < a.repeats) ? b : a));
  const tied = ranked.filter((r) => r.aims === best.aims && r.repeats === best.repeats).map((r) => r.probe);
  return stablePick(tied, turnId);
}

/** A key point's words: its terms and its label; a check (no concept) by its label alone. */
function termsOf(gap: CriterionGap, label: string): string[] {
  const concept = gap.criterion.evidence.concepts.find((c) => c.label === label);
  return concept ? [label, ...concept.terms] : [label];
}
