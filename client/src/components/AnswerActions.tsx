/** Under the answer box: the autosave line, Skip, Run tests (coding questions with visible tests) and Submit. */
export function AnswerActions({
  statusKind,
  statusText,
  live,
  submitting,
  blank,
  onSkip,
  onSubmit,
  tests,
}: {
  statusKind: string;
  statusText: string;
  live: boolean;
  submitting: boolean;
  /** Nothing to submit yet: Submit is off (skipping stays possible). */
  blank: boolean;
  onSkip: () => void;
  onSubmit: () => void;
  /** Present when the question has visible tests to run. */
  tests: { running: boolean; waiting: boolean; canRun: boolean; onRun: () => void } | null;
}) {
  return (
    <div className="answer-actions">
      <span className={`draft-status ${statusKind}`} data-testid="draft-status" aria-live="polite">
        {statusText}
      </span>
      <div className="answer-buttons">
        <button
          type="button"
          onClick={() => {
            if (window.confirm("Skip this question? It will score zero.")) onSkip();
          }}
          disabled={submitting || !live}
        >
          Skip
        </button>
        {tests && (
          <button
            type="button"
            data-testid="run-tests"
            onClick={tests.onRun}
            disabled={tests.running || submitting || !live || !tests.canRun}
            title="Run the example tests on your code (this does not submit it)"
          >
            {tests.running ? (tests.waiting ? "Waiting for a free sandbox…" : "Running…") : "Run tests"}
          </button>
        )}
        <button
          type="button"
          className="primary"
          data-testid="submit-answer"
          onClick={onSubmit}
          disabled={submitting || !live || blank}
          title={blank ? "Write an answer first, or skip the question" : undefined}
        >
          {submitting ? "Submitting…" : "Submit answer"}
        </button>
      </div>
    </div>
  );
}
