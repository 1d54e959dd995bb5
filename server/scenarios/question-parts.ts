import { z } from "zod";
import { CriterionSchema, ExemplarSchema, QuestionSchema, type Question } from "./schema.js";

/** A part the schema rejected: the checks that read it are left out (its schema problem is reported instead). */
export const UNREADABLE = Symbol("unreadable");
export type Readable<T> = T | typeof UNREADABLE;

type Criterion = z.infer<typeof CriterionSchema>;
type Evidence = Criterion["evidence"];
export type CriterionParts = { id: Readable<string>; weight: Readable<number>; evidence: Readable<Evidence> };
export type ExemplarParts = { level: Readable<string>; scores: Readable<Record<string, number>> };

/**
 * A question as far as the cross-checks need it, each field read on its own:
 * a question whose anchors are missing still has its `enough` checked against
 * its concepts, so an author sees both problems in one pass. Lists keep their
 * positions (an unreadable item is UNREADABLE), so paths name the original item.
 * `whole` is the parsed question when all of it passed the schema.
 */
export type QuestionParts = {
  id: Readable<string>;
  kind: Readable<Question["kind"]>;
  rubric: Readable<Readable<CriterionParts>[]>;
  exemplars: Readable<Readable<ExemplarParts>[]>;
  starterCode: Readable<Question["starterCode"]>;
  coding: Readable<Question["coding"]>;
  promptLab: Readable<Question["promptLab"]>;
  whole: Question | undefined;
};

/** Every part of a question that passed the schema. */
export function partsOfQuestion(q: Question): QuestionParts {
  return {
    id: q.id,
    kind: q.kind,
    rubric: q.rubric.map((c) => ({ id: c.id, weight: c.weight, evidence: c.evidence })),
    exemplars: q.exemplars.map((e) => ({ level: e.level, scores: e.scores })),
    starterCode: q.starterCode,
    coding: q.coding,
    promptLab: q.promptLab,
    whole: q,
  };
}

const read = <T>(schema: z.ZodType<T>, value: unknown): Readable<T> => {
  const r = schema.safeParse(value);
  return r.success ? r.data : UNREADABLE;
};
const field = (raw: unknown, key: string): unknown =>
  raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>)[key] : undefined;
/** A list read item by item; not a list at all (or too long a list) is unreadable. */
function readList<T>(value: unknown, item: (v: unknown) => Readable<T>, missing: T[] | typeof UNREADABLE): Readable<Readable<T>[]> {
  if (value === undefined) return missing;
  return Array.isArray(value) ? value.map(item) : UNREADABLE;
}

const Q = QuestionSchema.shape;
const C = CriterionSchema.shape;
const E = ExemplarSchema.shape;

/** What can be read of a question the schema may have rejected. */
export function readQuestionParts(raw: unknown): QuestionParts {
  const whole = QuestionSchema.safeParse(raw);
  if (whole.success) return partsOfQuestion(whole.data);
  return {
    id: read(Q.id, field(raw, "id")),
    kind: read(Q.kind, field(raw, "kind")),
    rubric: readList(
      field(raw, "rubric"),
      (c) =>
        c && typeof c === "object"
          ? { id: read(C.id, field(c, "id")), weight: read(C.weight, field(c, "weight")), evidence: read(C.evidence, field(c, "evidence")) }
          : UNREADABLE,
      UNREADABLE,
    ),
    exemplars: readList(
      field(raw, "exemplars"),
      (e) =>
        e && typeof e === "object" ? { level: read(E.level, field(e, "level")), scores: read(E.scores, field(e, "scores")) } : UNREADABLE,
      [],
    ),
    starterCode: read(Q.starterCode, field(raw, "starterCode")),
    coding: read(Q.coding, field(raw, "coding")),
    promptLab: read(Q.promptLab, field(raw, "promptLab")),
    whole: undefined,
  };
}
