import { findTerm, type CriterionGap } from "../grading/index.js";
import { stablePick } from "../llm/index.js";
import type { Criterion } from "../scenarios/index.js";

/**
 * What the interviewer asks on a follow-up: one of the pack's probes for the
 * criterion, the one aimed at what the answer is missing. Probes are written
 * by the pack's author to be asked aloud; key-point labels and terms, anchors,
 * hints and exemplars are the grader's and never reach this text (the labels
 * only choose between probes). A probe wins by naming more of the missing key
 * points, then fewer of those already stated ("Why add jitter?" once the
 * answer has backoff but no jitter); probes that tie are picked by the turn id,
 * so a re-run step asks the same one. Without probes: the criterion's title,
 * which candidates see in their history anyway. Probes already asked on this question are not asked again
 * (unaskedProbes); null when none is left.
 */
export function probeFor(gap: CriterionGap, turnId: string, asked: readonly string[] = []): string | null {
  const { criterion } = gap;
  const probes = unaskedProbes(criterion, asked);
  if (probes.length === 0) return null;
  if (criterion.probes.length === 0) {
    // The title's two phrasings: "what else" once part is met, the other when that one was asked already.
    const preferred = gap.level > 0 ? 0 : 1;
    return probes.find((p) => p === fallbackProbes(criterion)[preferred]) ?? probes[0]!;
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

/**
 * The probes of a criterion not yet asked on this question: a follow-up prompt already shown that holds a probe's
 * text used it (the offline interviewer puts the probe in its prompt as written). A candidate who gives the same
 * answer again would otherwise hear the same probe again, word for word (outside tester, session 23): the next
 * follow-up asks another probe, or none is asked when every probe has been.
 */
export function unaskedProbes(criterion: Criterion, asked: readonly string[]): string[] {
  const probes = criterion.probes.length ? criterion.probes : fallbackProbes(criterion);
  const said = asked.map(normalise);
  return probes.filter((probe) => !said.some((prompt) => prompt.includes(normalise(probe))));
}

/** Without probes: the criterion's title, which candidates see in their history anyway. */
function fallbackProbes(criterion: Criterion): string[] {
  const topic = criterion.title.toLowerCase();
  return [`What else would you add about ${topic}?`, `Could you say more about ${topic}?`];
}

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

/** A key point's words: its terms and its label; a check (no concept) by its label alone. */
function termsOf(gap: CriterionGap, label: string): string[] {
  const concept = gap.criterion.evidence.concepts.find((c) => c.label === label);
  return concept ? [label, ...concept.terms] : [label];
}
