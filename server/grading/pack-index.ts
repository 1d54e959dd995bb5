import type { Pack, Question } from "../scenarios/index.js";
import { buildCopyIndex, type CopyIndex } from "./integrity/copy-index.js";
import { documentFrequencies, vectorOf, type Idf, type Vector } from "./language/index.js";

/**
 * What grading needs from a pack beyond the question itself, computed once
 * per pack version: fingerprints of every model answer (the copy check) and
 * of each question's rubric text (the pasted-rubric check).
 */
export type GradingIndex = {
  modelAnswers: CopyIndex;
  rubric: Map<string, CopyIndex>;
  /** Word weights for similarity, from every model answer and prompt of the pack. */
  idf: Idf;
  /** Per question: its strong model answers as vectors, the references an answer is compared with. */
  references: Map<string, { text: string; vector: Vector; terms: number }[]>;
};

const byObject = new WeakMap<object, GradingIndex>();
/** Packs are often re-read from storage as new objects: the content key finds the same index. */
const byContent = new Map<string, { sources: string[]; index: GradingIndex }>();
const CONTENT_CACHE_LIMIT = 32;

/** Everything the rubric says about good answers: parroting it back is not answering. */
export function rubricText(q: Question): string {
  return q.rubric.flatMap((c) => [c.description, ...Object.values(c.anchors), c.strongAnswerAdds ?? ""]).join("\n");
}

/**
 * The texts an index is built from, in order, each handed to `visit` until it returns false: equal lists
 * mean an equal index. One walk serves both listing them and comparing them with a cached list.
 */
function eachSource(pack: Pack, visit: (text: string) => boolean): boolean {
  for (const q of pack.questions) {
    if (!visit(q.id)) return false;
    for (const e of q.exemplars) if (!visit(e.answer)) return false;
    for (const c of q.rubric) {
      if (!visit(c.description)) return false;
      for (const anchor of Object.values(c.anchors)) if (!visit(anchor)) return false;
      if (!visit(c.strongAnswerAdds ?? "")) return false;
    }
  }
  return true;
}

function sourcesOf(pack: Pack): string[] {
  const out: string[] = [];
  eachSource(pack, (text) => out.push(text) > 0);
  return out;
}

/**
 * Whether the pack's texts are `sources`, read without listing them: every answer of the interview arrives
 * with a freshly parsed pack, and building the list each time cost about a tenth of its grading. The walk is
 * eachSource's, written out: with a callback per text it cost as much again as comparing the texts.
 */
function sameSources(pack: Pack, sources: readonly string[]): boolean {
  let i = 0;
  const n = sources.length;
  for (const q of pack.questions) {
    if (i >= n || q.id !== sources[i++]) return false;
    for (const e of q.exemplars) if (i >= n || e.answer !== sources[i++]) return false;
    for (const c of q.rubric) {
      if (i >= n || c.description !== sources[i++]) return false;
      // The anchors in Object.values order (eachSource's): integer keys ascending, then the rest as written.
      for (const level in c.anchors) {
        if (!Object.hasOwn(c.anchors, level)) continue;
        if (i >= n || c.anchors[level as keyof typeof c.anchors] !== sources[i++]) return false;
      }
      if (i >= n || (c.strongAnswerAdds ?? "") !== sources[i++]) return false;
    }
  }
  return i === n;
}

function build(modelAnswers: string[], questions: Question[]): GradingIndex {
  const idf = documentFrequencies([...modelAnswers, ...questions.map((q) => q.prompt)]);
  return {
    modelAnswers: buildCopyIndex(modelAnswers),
    rubric: new Map(questions.map((q) => [q.id, rubricFingerprint(q)])),
    idf,
    references: new Map(
      questions.map((q) => [
        q.id,
        q.exemplars
          .filter((e) => e.level === "strong")
          .map((e) => {
            const vector = vectorOf(e.answer, idf, undefined, { everySentence: true });
            return { text: e.answer, vector, terms: [...vector.keys()].filter((k) => !k.includes(">")).length };
          }),
      ]),
    ),
  };
}

/** The pack's grading index, built on first use and reused for every answer graded against it. */
export function packIndex(pack: Pack): GradingIndex {
  const known = byObject.get(pack);
  if (known) return known;
  // Same id and version is not proof of the same content (a built-in edited in place): compare the texts.
  const key = `${pack.id}@${pack.version}`;
  const cached = byContent.get(key);
  let index = cached && sameSources(pack, cached.sources) ? cached.index : undefined;
  if (!index) {
    const sources = sourcesOf(pack);
    index = build(
      pack.questions.flatMap((q) => q.exemplars.map((e) => e.answer)),
      pack.questions,
    );
    if (byContent.size >= CONTENT_CACHE_LIMIT) byContent.delete(byContent.keys().next().value!);
    byContent.set(key, { sources, index });
  }
  byObject.set(pack, index);
  return index;
}

/** An index for a bare list of model answers (callers without a pack), cached by the list. */
export function answersIndex(modelAnswers: string[]): GradingIndex {
  const known = byObject.get(modelAnswers);
  if (known) return known;
  const index = build(modelAnswers, []);
  byObject.set(modelAnswers, index);
  return index;
}

/** The rubric fingerprint of one question (built on demand for questions outside the index). */
export function rubricIndex(index: GradingIndex | undefined, q: Question): CopyIndex {
  // A question with variables was instantiated for its session: its rubric text may differ from the pack's.
  const known = (q.variables ? undefined : index?.rubric.get(q.id)) ?? byQuestion.get(q);
  if (known) return known;
  const built = rubricFingerprint(q);
  byQuestion.set(q, built);
  return built;
}
const byQuestion = new WeakMap<Question, CopyIndex>();

/**
 * The rubric's own wording, less what its model answers also say: a rubric
 * whose description states the answer ("the answer states: X") must not turn
 * every correct answer into "pasted rubric". Copies of model answers are the
 * copy check's business.
 */
function rubricFingerprint(q: Question): CopyIndex {
  const index = buildCopyIndex([rubricText(q)], [4]);
  const answers = buildCopyIndex(
    q.exemplars.map((e) => e.answer),
    [4],
  );
  const runs = index.runs.get(4)!;
  for (const shingle of answers.runs.get(4)!.keys()) runs.delete(shingle);
  return index;
}
