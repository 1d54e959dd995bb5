import type { Question } from "../../scenarios/index.js";
import { words } from "./copy-index.js";

/**
 * Which of a question's names count as its labels. Key-point labels always; criterion titles too where the reader
 * asks (label-claims reads a title stated as a claim the same way as a label). Names of fewer words than `minWords`
 * are terms an honest answer says anyway, not labels.
 */
export type LabelKind = { titles: boolean; minWords: number };

const known = new WeakMap<Question, Map<string, (readonly string[])[]>>();

/** The question's labels as matched words (`words`), in rubric order: worked out once per question and kind. */
export function labelWords(q: Question, kind: LabelKind): (readonly string[])[] {
  let byKind = known.get(q);
  if (!byKind) known.set(q, (byKind = new Map()));
  const key = `${kind.titles}:${kind.minWords}`;
  let labels = byKind.get(key);
  if (!labels) {
    const names = q.rubric.flatMap((c) => [...(kind.titles ? [c.title] : []), ...c.evidence.concepts.map((k) => k.label)]);
    labels = names.map((n) => words(n)).filter((w) => w.length >= kind.minWords);
    byKind.set(key, labels);
  }
  return labels;
}

/**
 * Every place a label's words stand in `own`, label by label in the order given and left to right within one:
 * `visit(label, from)` with the label's index in `labels` and the index of its first word in `own`. A loop, not
 * a closure per place and label: it runs on every paragraph of every answer.
 */
export function forEachLabelAt(
  own: readonly string[],
  labels: readonly (readonly string[])[],
  visit: (label: number, from: number) => void,
): void {
  labels.forEach((label, n) => {
    for (let i = 0; i + label.length <= own.length; i++) if (startsAt(own, i, label)) visit(n, i);
  });
}

function startsAt(own: readonly string[], i: number, label: readonly string[]): boolean {
  for (let j = 0; j < label.length; j++) if (own[i + j] !== label[j]) return false;
  return true;
}
