import { useCallback, useEffect, useRef, useState } from "react";
import type { ReportQuestion, RoundKind } from "../../../server/contracts/index.js";
import { StrongExemplar } from "../report/StrongExemplar.js";
import { CriterionList } from "./CriterionList.js";
import { evidenceRanges, turnBodies } from "./evidence.js";
import { GradingNotes } from "./GradingNotes.js";
import { IntegrityNotice } from "./IntegrityNotice.js";
import { ReportTests } from "./ReportTests.js";
import { TranscriptTurn } from "./TranscriptTurn.js";
import { VariantValues } from "./VariantValues.js";

const PULSE_CLASS = "evidence-pulse";

/** Which criteria have a quote that occurs in some answer of this question. */
function locatedCriteria(question: ReportQuestion): Set<string> {
  const bodies = question.turns.flatMap((t) => Object.values(turnBodies(t)).filter((b): b is string => b !== null));
  return new Set(
    evidenceRanges(bodies, question.criteria)
      .flat()
      .map((r) => r.support.criterionId),
  );
}

/** One question of the report: transcript with marked evidence, what was set aside, tests, scores, grading notes. */
export function ReportQuestionView({
  question,
  kind,
  judgeModel,
  defaultOpen,
}: {
  question: ReportQuestion;
  kind: RoundKind;
  judgeModel: string | null;
  defaultOpen: boolean;
}) {
  const articleRef = useRef<HTMLDetailsElement>(null);
  // Which criteria have a mark in the rendered answers: read from the page, so "Show in your answer" never points at nothing.
  const [located, setLocated] = useState<ReadonlySet<string>>(() => locatedCriteria(question));
  useEffect(() => {
    const marks = articleRef.current?.querySelectorAll<HTMLElement>("mark.evidence-mark") ?? [];
    setLocated(new Set(Array.from(marks).flatMap((m) => (m.dataset.criteria ?? "").split(" ").filter(Boolean))));
  }, [question]);

  const showEvidence = useCallback((criterionId: string) => {
    // A folded question opens first, so its marks can be shown.
    if (articleRef.current && !articleRef.current.open) articleRef.current.open = true;
    const marks = articleRef.current?.querySelectorAll<HTMLElement>("mark.evidence-mark") ?? [];
    const mark = Array.from(marks).find((m) => (m.dataset.criteria ?? "").split(" ").includes(criterionId));
    if (!mark) return;
    const reduceMotion = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
    mark.scrollIntoView({ behavior: reduceMotion ? "auto" : "smooth", block: "center" });
    // Focus shows what the quote supports; the scroll above already brought it into view.
    mark.focus({ preventScroll: true });
    // Restart the pulse even when the same mark is asked for twice in a row.
    mark.classList.remove(PULSE_CLASS);
    void mark.offsetWidth;
    mark.classList.add(PULSE_CLASS);
    mark.addEventListener("animationend", () => mark.classList.remove(PULSE_CLASS), { once: true });
  }, []);

  return (
    <details ref={articleRef} className="panel report-question" data-testid="report-question" open={defaultOpen}>
      <summary className="report-question-head">
        <h3>{question.title}</h3>
        <span className="report-question-score">
          {!question.answered && <span className="tag">not answered</span>}
          <span className="score" data-testid="question-score">
            {Math.round(question.score)}/100
          </span>
        </span>
      </summary>
      <VariantValues values={question.variables} />
      <IntegrityNotice flags={question.flags ?? []} />
      <div className={question.exemplar ? "answer-beside-exemplar" : undefined}>
        <ol className="thread">
          {question.turns.map((t) => (
            <TranscriptTurn key={t.turnId} turn={t} criteria={question.criteria} />
          ))}
        </ol>
        {question.exemplar && <StrongExemplar exemplar={question.exemplar} kind={kind} />}
      </div>
      {located.size > 0 && (
        <p className="muted small evidence-legend">
          <span className="legend-swatch">Highlighted</span> text is what the scores below rest on; hover or focus it to see which criterion
          it supports.
        </p>
      )}
      {question.tests && <ReportTests tests={question.tests} />}
      <h4 className="criteria-heading">How it was scored</h4>
      <CriterionList criteria={question.criteria} located={located} onShowEvidence={showEvidence} />
      <GradingNotes question={question} judgeModel={judgeModel} />
    </details>
  );
}
