import { analyse } from "../../server/grading/language/analyse.js";
import { PackSchema, type Pack } from "../../server/scenarios/index.js";
import type { EvalItem } from "./types.js";

const CONTENT = new Set(["NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"]);
const GENERIC = new Set(["be", "have", "do", "get", "make", "also", "so", "then", "there", "thing", "way", "one"]);
const NEGATORS = new Set(["not", "no", "never", "n't", "without", "nothing", "none"]);

/**
 * A pack written the way docs/scenario-format.md asks a hiring team to, done
 * mechanically from the question and its reference answer only (no student
 * answer is read): one "correct" criterion whose concepts are the reference's
 * content words that the question does not already give away, negated where
 * the reference negates them; the reference answers are the strong exemplars.
 */
export function authorPack(id: string, items: Pick<EvalItem, "questionId" | "question" | "references">[]): Pack {
  const questions = new Map<string, Pick<EvalItem, "questionId" | "question" | "references">>();
  for (const item of items) if (!questions.has(item.questionId)) questions.set(item.questionId, item);
  return PackSchema.parse({
    id,
    title: `${id} (authored from references)`,
    description: "Evaluation pack authored mechanically from public questions and reference answers.",
    rounds: [{ id: "all", kind: "system-design", title: "All", minutes: 60, pick: 1 }],
    questions: [...questions.values()].map((q) => ({
      id: slug(q.questionId),
      kind: "system-design",
      level: "junior",
      title: q.question.slice(0, 80),
      prompt: q.question,
      timeGuideMinutes: 2,
      rubric: [
        {
          id: "correct",
          title: "States the reference answer's key points",
          weight: 1,
          description: `The answer states: ${q.references[0] ?? ""}`,
          anchors: {
            "0": "Wrong or off-topic.",
            "1": "One minor point.",
            "2": "About half the key points.",
            "3": "Most key points.",
            "4": "Every key point of the reference.",
          },
          evidence: evidence(q.question, q.references),
        },
      ],
      exemplars: q.references.map((answer) => ({ level: "strong", answer, scores: { correct: 4 } })),
    })),
  });
}

const negatorOf = (t: { word: string; lemma: string }) => (t.word === "n't" || t.lemma === "not" ? "not" : t.word);

export const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "") || "q";

/**
 * One reference: its key content words, all needed. Several references are an answer key
 * of acceptable alternatives (Powergrading's "any of these"), written as a hiring team
 * would write them: every alternative's key words in one list, and `enough` = the fewest
 * any single alternative needs, so stating one alternative fully earns full marks.
 */
function evidence(question: string, references: string[]): { concepts: { label: string; terms: string[] }[]; enough?: number } {
  if (references.length <= 1) return { concepts: concepts(question, references[0] ?? question) };
  const union = new Map<string, { label: string; terms: string[] }>();
  let enough = Infinity;
  for (const reference of references) {
    const own = concepts(question, reference);
    enough = Math.min(enough, own.length);
    for (const c of own) if (!union.has(c.terms[0]!)) union.set(c.terms[0]!, c);
  }
  return { concepts: [...union.values()], enough: Math.max(1, enough) };
}

function concepts(question: string, reference: string): { label: string; terms: string[] }[] {
  const asked = new Set(analyse(question).tokens.map((t) => t.lemma));
  const ref = analyse(reference).tokens;
  const out = new Map<string, { label: string; terms: string[] }>();
  ref.forEach((t, i) => {
    if (!CONTENT.has(t.pos) || GENERIC.has(t.lemma) || NEGATORS.has(t.word) || asked.has(t.lemma) || t.lemma.length < 2) return;
    const before = ref.slice(Math.max(0, i - 3), i).filter((x) => x.sentence === t.sentence);
    const at = before.findLastIndex((x) => NEGATORS.has(x.word) || NEGATORS.has(x.lemma));
    // A negation does not reach past punctuation ("no ACK, loss of data possible" does not deny the loss).
    const negated = at >= 0 && !/[,;:()]|\s[-–]\s/.test(reference.slice(before[at]!.at, t.at));
    // A negated point is written as the statement the reference makes, negator first ("no closed path"),
    // as docs/scenario-format.md asks, not as a bare "not path".
    const between = negated ? before.slice(at + 1).map((x) => x.lemma) : [];
    const term = negated ? [negatorOf(before[at]!), ...between, t.lemma].join(" ") : t.lemma;
    if (!out.has(term)) out.set(term, { label: negated ? `not ${t.word}` : t.word, terms: [term] });
  });
  const list = [...out.values()];
  return list.length
    ? list.slice(0, Number(process.env.EVAL_MAX_CONCEPTS ?? 8))
    : [{ label: "answer", terms: [reference.split(/\s+/)[0] ?? "answer"] }];
}
