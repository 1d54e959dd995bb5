import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gradeFile, gradeRow } from "../../server/cli/grade-batch.js";
import { GRADER_VERSION, gradeQuestion, gradingCriteria, questionScore } from "../../server/grading/index.js";
import { loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import { oneCriterionPack } from "../helpers/one-criterion.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
const q = pack!.questions.find((x) => x.kind === "system-design")!;
const adequate = q.exemplars.find((e) => e.level === "adequate")!.answer;

describe("batch grading (cli grade --pack --answers)", () => {
  it("grades each row like the interview does and reports bad rows with stable codes, one line each", async () => {
    const dir = mkdtempSync(join(tmpdir(), "grade-batch-"));
    const file = join(dir, "answers.jsonl");
    const rows = [
      JSON.stringify({ id: "a1", questionId: q.id, text: adequate }),
      "",
      "{not json",
      JSON.stringify({ id: 7, questionId: "no-such-question", text: "hello" }),
      JSON.stringify({ id: "a3", questionId: q.id }),
      JSON.stringify({ id: "a4", questionId: q.id, text: "x".repeat(100_001) }),
    ];
    writeFileSync(file, rows.join("\n"));
    const out: string[] = [];
    const summary = await gradeFile(pack!, file, (line) => out.push(line));
    expect(summary).toEqual({ graded: 1, errors: 4, duplicateIds: [] });
    const parsed = out.map((l) => JSON.parse(l));
    expect(parsed).toHaveLength(5);

    // The interview grades with the whole pack loaded: the same call gives the same score.
    const interview = gradeQuestion(q, [{ text: adequate }], { pack: JSON.parse(JSON.stringify(pack)) as Pack });
    expect(parsed[0]).toEqual({
      id: "a1",
      questionId: q.id,
      graderVersion: GRADER_VERSION,
      score: questionScore(gradingCriteria(q), interview.scores),
      graded: true,
      criteria: interview.scores.map((s) => ({
        criterionId: s.criterionId,
        score: s.score,
        insufficientEvidence: s.insufficientEvidence,
        feedback: s.feedback,
        evidence: s.evidence.map((e) => ({ quote: e.quote, note: e.note })),
      })),
      flags: interview.flags.map((f) => ({ kind: f.kind, message: f.message, quote: f.quote })),
    });
    expect(parsed.slice(1).map((r) => [r.line, r.error.code])).toEqual([
      [3, "invalid-json"],
      [4, "unknown-question"],
      [5, "invalid-row"],
      [6, "invalid-row"],
    ]);
    expect(parsed[2].id).toBe(7);
    for (const r of parsed.slice(1)) expect(r.error.message.length).toBeLessThanOrEqual(300);
  });

  it("a verbatim model answer grades the same from the CLI and in an interview, and earns nothing", async () => {
    const strong = q.exemplars.find((e) => e.level === "strong")!.answer;
    const row = await gradeRow(pack!, JSON.stringify({ id: 1, questionId: q.id, text: strong }), 1);
    const interview = gradeQuestion(q, [{ text: strong }], { pack: JSON.parse(JSON.stringify(pack)) as Pack });
    expect("score" in row && row.score).toBe(questionScore(gradingCriteria(q), interview.scores));
    expect("score" in row && row.score).toBe(0);
    expect("flags" in row && row.flags.map((f) => f.kind)).toContain("copied-model-answer");
  });

  it("--exemplars-as-answers grades a team's own exemplar rows as calibrate does, beside real answers, and marks them", async () => {
    const strong = q.exemplars.find((e) => e.level === "strong")!.answer;
    const weak = q.exemplars.find((e) => e.level === "weak")!.answer;
    const REAL =
      "I would embed product titles and descriptions, query a vector index beside the keyword index, merge the two lists, and measure recall on the searches that return nothing today before switching anything on.";
    const dir = mkdtempSync(join(tmpdir(), "grade-batch-"));
    const file = join(dir, "answers.jsonl");
    writeFileSync(
      file,
      [
        { id: "s", questionId: q.id, text: strong },
        // Spreadsheets drop a YAML block's final line break: the same exemplar.
        { id: "s-trimmed", questionId: q.id, text: strong.trim() },
        { id: "w", questionId: q.id, text: weak },
        { id: "real", questionId: q.id, text: REAL },
      ]
        .map((r) => JSON.stringify(r))
        .join("\n"),
    );
    const out: string[] = [];
    await gradeFile(pack!, file, (line) => out.push(line), undefined, { exemplarsAsAnswers: true });
    const rows = out.map((l) => JSON.parse(l) as { id: string; score: number; flags: { kind: string }[]; asExemplar?: string });
    const calibrated = (answer: string) =>
      questionScore(gradingCriteria(q), gradeQuestion(q, [{ text: answer }], { pack, gradingExemplar: answer }).scores);
    expect(rows.map((r) => [r.id, r.score, r.asExemplar])).toEqual([
      ["s", calibrated(strong), "strong"],
      ["s-trimmed", calibrated(strong), "strong"],
      ["w", calibrated(weak), "weak"],
      // A real answer is graded as the interview grades it, unmarked.
      ["real", questionScore(gradingCriteria(q), gradeQuestion(q, [{ text: REAL }], { pack }).scores), undefined],
    ]);
    expect(rows[0]!.score).toBeGreaterThan(rows[2]!.score);
    expect(rows[0]!.flags).toEqual([]);
  });

  it("--exemplars-as-answers never lets an edited or extended exemplar, or one under another question, pass as the exemplar", async () => {
    const strong = q.exemplars.find((e) => e.level === "strong")!.answer;
    const other = pack!.questions.find((x) => x.kind === "system-design" && x.id !== q.id)!;
    const copies = [
      { questionId: q.id, text: strong.replace(/\bthe\b/, "our") },
      { questionId: q.id, text: `${strong}\n\nThat is how I would do it.` },
      { questionId: other.id, text: strong },
    ];
    for (const copy of copies) {
      const row = await gradeRow(pack!, JSON.stringify({ id: "c", ...copy }), 1, undefined, { exemplarsAsAnswers: true });
      expect("flags" in row && row.flags.map((f) => f.kind), copy.text.slice(-40)).toContain("copied-model-answer");
      expect("asExemplar" in row, copy.text.slice(-40)).toBe(false);
    }
    // Without the option an exemplar is a copy of a model answer, as in an interview.
    const plain = await gradeRow(pack!, JSON.stringify({ id: "s", questionId: q.id, text: strong }), 1);
    expect("score" in plain && plain.score).toBe(0);
    expect("asExemplar" in plain).toBe(false);
  });

  it("each criterion's explanation is the interview's, in full: its level anchor is never cut", async () => {
    // Key points with long labels, as hiring teams write them: the explanation names the ones covered.
    const labelled = oneCriterionPack({
      prompt: "How would you make a retrieval-augmented support bot answer from current documentation?",
      concepts: [
        { label: "re-index the help centre whenever an article is published or edited", terms: ["re-index", "reindex"] },
        { label: "retrieve with hybrid keyword and vector search over the chunks", terms: ["hybrid"] },
        { label: "rerank the retrieved candidates with a cross-encoder before answering", terms: ["rerank"] },
        { label: "cite the article each sentence of the answer comes from", terms: ["cite"] },
        { label: "refuse or escalate to a human when nothing relevant is retrieved", terms: ["escalate"] },
      ],
      exemplars: [{ level: "strong", answer: "Reindex on publish, hybrid search, rerank, cite articles, escalate when unsure.", score: 4 }],
    });
    const text =
      "Every publish event triggers a re-index of that article. Retrieval is hybrid, so keyword matches on product names are not lost, and a cross-encoder will rerank the top fifty. The bot must cite the article it used, and it should escalate to an agent when retrieval returns nothing above the threshold.";
    const row = await gradeRow(labelled, JSON.stringify({ id: "f", questionId: "q", text }), 1);
    const interview = gradeQuestion(labelled.questions[0]!, [{ text }], { pack: labelled });
    expect(interview.scores[0]!.feedback.length).toBeGreaterThan(300);
    expect("criteria" in row && row.criteria.map((c) => c.feedback)).toEqual(interview.scores.map((s) => s.feedback));
  });

  it("names a missing id, reads a row behind a byte order mark, and says why a criterion was not graded", async () => {
    const missing = await gradeRow(pack!, JSON.stringify({ questionId: q.id, text: adequate }), 1);
    expect("error" in missing && missing.error).toMatchObject({ code: "invalid-row" });
    expect("error" in missing && missing.error.message).toContain("id: missing");

    // A misspelt or extra field is named, not silently ignored (the row would grade as if empty).
    const extra = await gradeRow(pack!, JSON.stringify({ id: "x", questionId: q.id, txt: adequate, text: "Chunks." }), 1);
    expect("error" in extra && extra.error).toMatchObject({ code: "invalid-row", message: expect.stringContaining("txt") });
    expect("error" in extra && extra.id).toBe("x");

    const bom = await gradeRow(pack!, `\uFEFF${JSON.stringify({ id: "b", questionId: q.id, text: adequate })}`, 1);
    expect("score" in bom && bom.id).toBe("b");

    const french = await gradeRow(
      pack!,
      JSON.stringify({
        id: "fr",
        questionId: q.id,
        text: "Je découperais les articles par titre, puis je mesurerais le rappel sur un jeu de questions réelles.",
      }),
      1,
    );
    expect("criteria" in french && french.criteria.every((c) => c.insufficientEvidence && c.feedback.includes("reads English"))).toBe(true);
    // Its 0 is no verdict, and a pipeline reading the rows can tell by a stable code, not by the message.
    expect("graded" in french && french.graded).toBe(false);
    expect("criteria" in french && french.criteria.every((c) => c.notGraded === "other-language")).toBe(true);
    // No verdict is no number: a team averaging the score column must not count the candidate as 0.
    expect("score" in french && french.score).toBeNull();
    expect("criteria" in french && french.criteria.every((c) => c.score === null)).toBe(true);
  });

  it("quotes the candidate's own words each key point was found in", async () => {
    const leaf = oneCriterionPack({
      prompt: "What is a leaf node in a tree?",
      concepts: [{ label: "no children", terms: ["no children", "no child"] }],
      exemplars: [{ level: "strong", answer: "A node with no children.", score: 4 }],
    });
    const text = "In a tree, a leaf is any node that has no children below it.";
    const row = await gradeRow(leaf, JSON.stringify({ id: "l", questionId: "q", text }), 1);
    expect(row).toMatchObject({ score: 100, graded: true });
    const evidence = "criteria" in row ? row.criteria[0]!.evidence : [];
    expect(evidence).toHaveLength(1);
    expect(evidence[0]!.note).toContain("no children");
    expect(text).toContain(evidence[0]!.quote.replace(/^\W+|\W+$/g, ""));
  });

  it("coding answers run on the question's tests when a sandbox is given; without one the report says the tests were not run", async () => {
    const coding = pack!.questions.find((x) => x.coding)!;
    const strongCode = coding.exemplars.find((e) => e.level === "strong")!.answer;
    const line = JSON.stringify({ id: "c", questionId: coding.id, code: strongCode, language: "python" });
    const calls: string[] = [];
    const passed = await gradeRow(pack!, line, 1, async (question, language, code) => {
      calls.push(`${question.id}/${language}/${code === strongCode}`);
      return { language, scope: "all", status: "ok", passed: 6, total: 6, hiddenPassed: 4, hiddenTotal: 4, results: [], ms: 5 };
    });
    expect(calls).toEqual([`${coding.id}/python/true`]);
    const tests = "criteria" in passed ? passed.criteria.find((c) => c.criterionId === "tests-passed")! : null;
    expect(tests).toMatchObject({ score: 4, insufficientEvidence: false });
    expect(tests!.feedback).toContain("Passed 6 of 6 tests");

    const notRun = await gradeRow(pack!, line, 1);
    const untested = "criteria" in notRun ? notRun.criteria.find((c) => c.criterionId === "tests-passed")! : null;
    expect(untested).toMatchObject({ score: 0, insufficientEvidence: true });
    expect(untested!.feedback).toContain("without a code sandbox");
    expect("score" in passed && "score" in notRun && passed.score! > notRun.score!).toBe(true);
  });
});
