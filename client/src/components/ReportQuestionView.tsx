import { useCallback, useMemo, useRef } from "react";
import type { ReportQuestion } from "../../../server/contracts/index.js";
import { CriterionTable } from "./CriterionTable.js";
import { evidenceRanges, turnBodies } from "./evidence.js";
import { GradingNotes } from "./GradingNotes.js";
import { IntegrityNotice } from "./IntegrityNotice.js";
import { ReportTests } from "./ReportTests.js";
import { TranscriptTurn, type TurnHighlights } from "./TranscriptTurn.js";
import { VariantValues } from "./VariantValues.js";

const PULSE_CLASS = "evidence-pulse";

/** Where the evidence quotes sit in each turn's answer, and which criteria have any. */
function locateEvidence(question: ReportQuestion): { perTurn: TurnHighlights[]; located: Set<string> } {
  const slots = question.turns.map(turnBodies);
  // One flat list of texts, so a quote found anywhere (case-sensitively) wins over a looser match elsewhere.
  const bodies: string[] = [];
  const index = slots.map(({ main, explanation }) => ({
    main: main === null ? -1 : bodies.push(main) - 1,
    explanation: explanation === null ? -1 : bodies.push(explanation) - 1,
  }));
  const ranges = evidenceRanges(bodies, question.criteria);
  const located = new Set(ranges.flat().map((r) => r.support.criterionId));
  const perTurn = index.map(({ main, explanation }) => ({
    ...(main >= 0 ? { main: ranges[main] } : {}),
    ...(explanation >= 0 ? { explanation: ranges[explanation] } : {}),
  }));
  return { perTurn, located };
}

/** One question of the report: transcript with marked evidence, what was set aside, tests, scores, grading notes. */
export function ReportQuestionView({ question, judgeModel }: { question: ReportQuestion; judgeModel: string | null }) {
  const articleRef = useRef<HTMLElement>(null);
  const { perTurn, located } = useMemo(() => locateEvidence(question), [question]);

  const showEvidence = useCallback((criterionId: string) => {
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
    <article ref={articleRef} className="panel report-question" data-testid="report-question">
      <header className="report-question-head">
        <h3>{question.title}</h3>
        <span className="score">{Math.round(question.score)}/100</span>
      </header>
      {!question.answered && <span className="tag">not answered</span>}
      <VariantValues values={question.variables} />
      <IntegrityNotice flags={question.flags ?? []} />
      {question.turns.map((t, i) => (
        <TranscriptTurn key={t.turnId} turn={t} highlights={perTurn[i]} />
      ))}
      {located.size > 0 && (
        <p className="muted small evidence-legend">
          <span className="legend-swatch">Highlighted</span> text is what the scores below rest on; hover or focus it to see
          which criterion it supports.
        </p>
      )}
      {question.tests && <ReportTests tests={question.tests} />}
      <CriterionTable criteria={question.criteria} located={located} onShowEvidence={showEvidence} />
      <GradingNotes question={question} judgeModel={judgeModel} />
    </article>
  );
}
