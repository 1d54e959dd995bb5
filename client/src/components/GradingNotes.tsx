import type { ReportQuestion } from "../../../server/contracts/index.js";

type Judge = ReportQuestion["judge"];
type Lab = NonNullable<ReportQuestion["lab"]>;

/** "the model timed out." -> "the model timed out", so sentences can be joined without "..". */
const clause = (message: string) => message.trim().replace(/[.\s]+$/, "");

function judgeNote(judge: Judge, judgeModel: string | null) {
  switch (judge.status) {
    case "graded":
      return (
        <p data-judge-status="graded">
          Also graded by {judgeModel ? <strong>{judgeModel}</strong> : "an LLM judge"}, alongside the evidence layer.
        </p>
      );
    case "failed":
      return (
        <p data-judge-status="failed">
          Not graded by the judge: {clause(judge.message) || "it did not answer"}. <strong>This did not lower your score.</strong>
        </p>
      );
    case "off":
      return <p data-judge-status="off">Graded with the evidence layer only: {clause(judge.message) || "no judge model configured"}.</p>;
  }
}

/**
 * "your fixed prompt passed 83% of 6 cases; the broken prompt passed 17%" reads as
 * "Your fixed prompt was run on 6 cases: it passed 83%; the broken prompt passed 17%."
 * Any other wording is shown as it comes.
 */
function ranSentence(message: string): string {
  const cases = /\bof (\d+) cases?\b/i.exec(message)?.[1] ?? /\b(\d+) cases?\b/i.exec(message)?.[1];
  const detail = message.replace(/^your fixed prompt\s+/i, "it ").replace(/\s+of \d+ cases?\b/i, "");
  const ranOn = cases ? `${cases} case${cases === "1" ? "" : "s"}` : "the lab cases";
  return `Your fixed prompt was run on ${ranOn}${detail ? `: ${detail}` : ""}.`;
}

function labNote(lab: Lab) {
  const message = clause(lab.message);
  if (lab.status === "not-run") {
    return <p data-lab-status="not-run">Your fixed prompt was not executed: {message || "the prompt lab was not available"}.</p>;
  }
  return <p data-lab-status="ran">{ranSentence(message)}</p>;
}

/** How this question was graded: by which layers, and whether the prompt lab ran. */
export function GradingNotes({ question, judgeModel }: { question: ReportQuestion; judgeModel: string | null }) {
  // Reports saved before judge status existed have none: they were graded by the evidence layer alone.
  const judge: Judge = question.judge ?? { status: "off", message: "no judge model configured" };
  return (
    <section className="grading-notes small" data-testid="grading-notes" aria-label="Grading notes">
      {judgeNote(judge, judgeModel)}
      {question.lab && labNote(question.lab)}
    </section>
  );
}
