import { QuestionSchema, type Question } from "../../server/scenarios/index.js";

/** A small coding question: f(a, b) = a + b, one visible and two hidden tests. */
export function addQuestion(): Question {
  return QuestionSchema.parse({
    id: "add",
    kind: "coding",
    level: "junior",
    title: "Add",
    prompt: "Write f(a, b) returning a + b.",
    timeGuideMinutes: 1,
    starterCode: {
      python: "def f(a, b):\n    pass\n",
      typescript: "export function f(a: number, b: number): number {\n  throw new Error('todo');\n}\n",
    },
    rubric: [
      {
        id: "works",
        title: "Works",
        weight: 1,
        description: "d",
        anchors: { 0: "a", 1: "b", 2: "c", 3: "d", 4: "e" },
        evidence: { concepts: [{ label: "plus", terms: ["+"] }] },
      },
    ],
    coding: {
      entrypoint: { python: "f", typescript: "f" },
      tests: [
        { name: "small", args: [1, 2], expected: 3, visible: true },
        { name: "hidden one", args: [20, 22], expected: 42 },
        { name: "hidden two", args: [-5, 5], expected: 0 },
      ],
      referenceSolution: {
        python: "def f(a, b):\n    return a + b\n",
        typescript: "export function f(a: number, b: number) { return a + b; }\n",
      },
    },
  });
}
