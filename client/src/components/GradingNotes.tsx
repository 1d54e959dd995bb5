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
          Not graded by the judge: {clause(judge.message) || "it did not answer"}. This did not lower your score: the evidence layer's
          scores stand on their own.
        </p>
      );
    case "off":
      return <p data-judge-status="off">Graded with the evidence layer only: {clause(judge.message) || "no judge model configured"}.</p>;
  }
}

function labNote(lab: Lab) {
  const message = clause(lab.message);
  if (lab.status === "not-run") {
    return <p data-lab-status="not-run">Your fixed prompt was not executed: {message || "the prompt lab was not available"}.</p>;
  }
  // The message says how many cases ran and how the broken and fixed prompts did.
  return (
    <p data-lab-status="ran">
      {/^your fixed prompt\b/i.test(message) ? `${message}.` : `Your fixed prompt was run on the lab cases${message ? `: ${message}` : ""}.`}
    </p>
  );
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
