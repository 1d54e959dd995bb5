import { createHash } from "node:crypto";
import type { Question } from "../scenarios/index.js";

/**
 * One object per question content. What grading reads from a question (its term set, roles,
 * vocabulary, rubric fingerprint, ...) is cached per question object, but the pack library hands
 * out a freshly parsed pack on every lookup, so on the interview's path every answer arrived with
 * a new question object and all of that was recomputed. Equal content is equal grading: the first
 * object seen with a content stands in for every later copy, and the caches hit.
 */
const byContent = new Map<string, Question>();
const byObject = new WeakMap<Question, Question>();
/** Questions instantiated per session (variables) each have their own content: keep the recent ones. */
const LIMIT = 512;

export function canonicalQuestion(question: Question): Question {
  const known = byObject.get(question);
  if (known) return known;
  const key = createHash("sha256").update(JSON.stringify(question)).digest("base64");
  let canonical = byContent.get(key);
  if (canonical) byContent.delete(key);
  else canonical = question;
  byContent.set(key, canonical); // most recently used last
  if (byContent.size > LIMIT) byContent.delete(byContent.keys().next().value!);
  byObject.set(question, canonical);
  return canonical;
}
