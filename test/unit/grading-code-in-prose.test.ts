import { describe, expect, it } from "vitest";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";
import { looksLikeCode } from "../../server/grading/code-shape.js";

// Outside audit 19 (class summary only): honest code was set aside as a keyword list or as a copy of the model
// answer. These cases are written here, on the built-in pack, not taken from the audit's rows.
const pack = loadPacksFromDir(BUILTIN_PACKS_DIR)[0]!;
const question = (id: string) => pack.questions.find((q) => q.id === id)!;
const grade = (id: string, body: { text?: string; code?: string; language?: "python" | "typescript" }) => {
  const q = question(id);
  const graded = gradeQuestion(q, [body], { pack });
  return { score: questionScore(q.rubric, graded.scores), flags: graded.flags.map((f) => f.kind) };
};

// An honest solution of the guardrail task, written apart from the pack's exemplar and reference solution. Right
// solutions converge on the same lines ("for i in x: yield from walk(i)").
const SOLUTION = `import json, re

def guard_output(raw, policy):
    reasons = ["too_long"] if len(raw) > policy["max_chars"] else []
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict):
        return {"ok": False, "reasons": reasons + ["invalid_json"], "output": None, "dropped": []}
    kept = {k: v for k, v in data.items() if k in policy["allowed_fields"]}
    dropped = sorted(set(data) - set(kept))
    def walk(x):
        if isinstance(x, str): yield x.lower()
        elif isinstance(x, (list, tuple)):
            for i in x: yield from walk(i)
        elif isinstance(x, dict):
            for i in x.values(): yield from walk(i)
    pats = [re.compile(r"\\b" + re.escape(t.lower()) + r"\\b") for t in policy["blocked_terms"]]
    if any(p.search(s) for s in walk(kept) for p in pats):
        reasons.append("blocked_term")
    ok = not reasons
    return {"ok": ok, "reasons": reasons, "output": kept if ok else None, "dropped": dropped}`;

describe("code written in an answer's text", () => {
  it("a solution pasted in a fence, or bare, is read as code and never called a copy of the model answer", () => {
    for (const text of [`Here is my solution.\n\n\`\`\`python\n${SOLUTION}\n\`\`\`\n\nIt fails closed.`, SOLUTION]) {
      const graded = grade("output-guardrail-filter", { text });
      expect(graded.flags).not.toContain("copied-model-answer");
      expect(graded.score).toBeGreaterThanOrEqual(50);
    }
  });

  it("prose that copies another question's model answer is still a copy", () => {
    const own = question("legal-rag-citations").exemplars.find((e) => e.level === "strong")!.answer;
    expect(grade("legal-rag-citations", { text: own }).flags).toContain("copied-model-answer");
  });

  it("a one-line definition in a note is code, not a keyword list of its parameters", () => {
    const graded = grade("model-routing-cost", {
      text: "def route(q, clf, small, large, t=0.85): return small(q) if clf(q) >= t else large(q)",
    });
    expect(graded.flags).not.toContain("keyword-list");
    // A bare list of the same length is still one.
    expect(grade("model-routing-cost", { text: "routing, classifier, small model, large model, threshold, fallback" }).flags).toContain(
      "keyword-list",
    );
  });
});

describe("code in the code box with a docstring or block comment", () => {
  it("a bracket opened in the docstring's prose does not turn the program into prose", () => {
    const documented = SOLUTION.replace(
      "def guard_output(raw, policy):\n",
      'def guard_output(raw, policy):\n    """Steps: 1) length cap, 2) parse, 3) allow-list, 4) block-list.\n\n    Fails closed :)\n    """\n',
    );
    expect(looksLikeCode(documented, "python")).toBe(true);
    expect(looksLikeCode("/**\n * Steps: 1) parse, 2) filter\n */\nexport const f = (x: number) => x + 1;", "typescript")).toBe(true);
    const plain = grade("output-guardrail-filter", { code: SOLUTION, language: "python" });
    const withDoc = grade("output-guardrail-filter", { code: documented, language: "python" });
    expect(withDoc.flags).toEqual([]);
    expect(withDoc.score).toBe(plain.score);
  });

  it("an unbalanced bracket outside any comment still reads as no code", () => {
    expect(looksLikeCode("x = f(1\ny = 2", "python")).toBe(false);
  });
});

describe("a regular expression literal in code", () => {
  it("its escaped brackets do not unbalance the program", () => {
    const code = `export function unknownIds(text: string, known: string[]): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\\[([^\\]]+)\\]/g)) {
    for (const raw of m[1].split(",")) {
      const id = raw.trim();
      if (!known.includes(id) && !out.includes(id)) out.push(id);
    }
  }
  return out;
}`;
    expect(looksLikeCode(code, "typescript")).toBe(true);
    const graded = grade("output-guardrail-filter", { code, language: "typescript" });
    expect(graded.flags).not.toContain("keyword-list");
  });
});

describe("lines a program repeats", () => {
  it("are no padding: three handlers ending alike keep their level", () => {
    const code = `import json

def load(raw):
    try:
        return json.loads(raw)
    except Exception as error_value:
        return None

def size(raw, policy):
    try:
        return len(raw) > policy["max_chars"]
    except Exception as error_value:
        return True

def terms(policy):
    try:
        return [t.lower() for t in policy["blocked_terms"]]
    except Exception as error_value:
        return []`;
    const graded = grade("output-guardrail-filter", { code, language: "python" });
    expect(graded.flags).not.toContain("padding");
  });
});
