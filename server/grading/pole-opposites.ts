import type { Criterion } from "../scenarios/index.js";
import { analyse, type Analysis } from "./language/index.js";
import { clauseSubject } from "./clause-subject.js";
import { clauseAround } from "./roles.js";
import { readOccurrence, turned, type ConceptPoles, type Poles } from "./poles.js";
import { readPoints, type PointReading } from "./pole-reading.js";

export type { Poles } from "./poles.js";

/**
 * Key points that pair a condition with an outcome ("a higher temperature is
 * more random", "a lower one more deterministic"; "ANN is faster, at some
 * cost in exactness") are stated the other way round when the answer pairs
 * them crosswise ("a higher temperature makes the output more deterministic",
 * "ANN is slower but more exact"). The pairings are learnt from the pack
 * (poles.ts); here an answer's occurrences are read against them. Only what
 * is said of the key point's own subject counts ("brute force is slow" says
 * nothing against "ANN is faster").
 */

const tokenCount = new Map<string, number>();
const lengthOf = (term: string) => {
  let n = tokenCount.get(term);
  if (n === undefined) tokenCount.set(term, (n = analyse(term).tokens.length));
  return n;
};
const lemmaSet = new Map<string, Set<string>>();
const lemmasOf = (term: string) => {
  let s = lemmaSet.get(term);
  if (!s) lemmaSet.set(term, (s = new Set(analyse(term).tokens.map((t) => t.lemma))));
  return s;
};

/**
 * Whether an occurrence may speak of the key point's own subject: it names
 * none, or the point's own, or at least nothing the references say the other
 * way round of (an answer may name its subject in other words than the pack).
 */
function ownSubject(a: Analysis, index: number, term: string, learnt: ConceptPoles): boolean {
  const subject = clauseSubject(a, index, lemmasOf(term));
  return subject.length === 0 || subject.some((n) => learnt.subjects.has(n)) || !subject.some((n) => learnt.others.has(n));
}

/**
 * "A is longer than B" says "B is shorter than A": a comparison whose other
 * side is the key point's own subject, and its first side not, states the
 * point the other way round rather than its opposite ("the TCP header is
 * longer than the UDP header" against "the UDP header is shorter").
 */
function comparedWithOwn(a: Analysis, index: number, length: number, term: string, learnt: ConceptPoles): boolean {
  const than = a.tokens.findIndex((t, j) => j >= index + length && j <= index + length + 1 && t.word === "than");
  if (than < 0) return false;
  const [, to] = clauseAround(a, than);
  const other: string[] = [];
  for (let j = than + 1; j <= to; j++) if (NOUNS.has(a.tokens[j]!.pos)) other.push(a.tokens[j]!.lemma);
  const subject = clauseSubject(a, index, lemmasOf(term));
  const theirs = other.filter((n) => !subject.includes(n));
  const ours = subject.filter((n) => !other.includes(n));
  return theirs.some((n) => learnt.subjects.has(n)) && !ours.some((n) => learnt.subjects.has(n));
}
const NOUNS = new Set(["NOUN", "PROPN"]);

/** Whether a term's occurrence pairs it with the other end of what its key point pairs it with. */
export function crosswise(a: Analysis, index: number, term: string, point: PointReading): boolean {
  if (point.taken.has(index)) return false;
  const { learnt } = point.point;
  const { flips } = turned(learnt, readOccurrence(a, index, lengthOf(term), point.skip));
  return flips % 2 === 1 && ownSubject(a, index, term, learnt);
}

/**
 * The key points an answer states the opposite of by their poles, with the
 * token where it does: a term paired crosswise, or a term with a pole in it
 * said the other way ("slower" for "faster"). Where two key points of a
 * criterion pair opposite ends of one scale with their outcomes, an outcome
 * paired with the other point's condition contradicts that point too ("a
 * higher temperature makes it more deterministic" denies "higher is more
 * random" as well as "lower is more deterministic").
 */
export function poleOpposites(criterion: Criterion, a: Analysis, claims: ReadonlySet<number>, poles: Poles): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const mark = (label: string, index: number) => out.set(label, [...(out.get(label) ?? []), index]);
  for (const [concept, { point, skip, taken, at }] of readPoints(a, criterion, poles)) {
    const { learnt } = point;
    for (const term of point.terms) {
      for (const { index, length } of at(term)) {
        if (!claims.has(a.tokens[index]!.sentence) || taken.has(index)) continue;
        const { flips, condition } = turned(learnt, readOccurrence(a, index, length, skip));
        if (flips % 2 === 0 || !ownSubject(a, index, term, learnt)) continue;
        mark(concept.label, index);
        for (const other of criterion.evidence.concepts) {
          const theirs = poles.get(other.label);
          if (other === concept || !theirs) continue;
          if ([...condition].some(([scale, sign]) => theirs.condition.get(scale) === sign)) mark(other.label, index);
        }
      }
      // Another term of the point may be the very word said the other way ("slow" beside "faster"): then it is evidence.
      for (const reversed of point.reversed.get(term) ?? []) {
        for (const { index, length } of at(reversed)) {
          if (!claims.has(a.tokens[index]!.sentence) || taken.has(index)) continue;
          const { flips } = turned(learnt, readOccurrence(a, index, length, skip));
          if ((flips + 1) % 2 === 1 && ownSubject(a, index, reversed, learnt) && !comparedWithOwn(a, index, length, reversed, learnt))
            mark(concept.label, index);
        }
      }
    }
  }
  return out;
}
