import type { FormQuestion } from "../pack-form.js";

/** What every section of one question's form gets from the form view. */
export type QuestionSectionProps = {
  q: FormQuestion;
  /** Index of the question in the pack. */
  qi: number;
  source: string;
  /** Set a field of this question (path below the question). */
  set: (path: (string | number)[], v: unknown) => void;
  /** Replace the whole YAML (adding and removing items). */
  onChange: (s: string) => void;
};
