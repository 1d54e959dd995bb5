import { lazy, Suspense, useReducer, useRef, useState } from "react";
import type { AnswerDraftResult, CodeRunResult, Draft, Language } from "../../../server/contracts/index.js";
import { newSubmissionId, type AnswerContent, type CodeAnswer } from "../room/answer.js";
import {
  codeIn,
  draftContent,
  draftReducer,
  initialDraftState,
  languagesOf,
  saveStatusText,
  submittable,
  type DraftAction,
} from "../room/answer-draft.js";
import type { RoomQuestion } from "../room/room-state.js";
import { useAutosave, type DraftHandle } from "../room/useAutosave.js";
import { useMounted } from "../room/useMounted.js";
import { useTestRun } from "../room/useTestRun.js";
import { errorMessage, RequestError } from "../socket.js";
import { AnswerActions } from "./AnswerActions.js";
import { StaleDraftNotice } from "./StaleDraftNotice.js";
import { AnswerTextArea } from "./AnswerTextArea.js";
import { TestResults } from "./TestResults.js";

// CodeMirror is most of the bundle; load it only when a coding question shows up.
const CodeEditor = lazy(() => import("./CodeEditor.js").then((m) => ({ default: m.CodeEditor })));

type Props = {
  question: RoomQuestion;
  /** The server's saved draft for this question, restored into the editor once. */
  initialDraft: Draft | null;
  /** Code to start from when there is no draft (a follow-up builds on the last answer). */
  carryOver: CodeAnswer | null;
  /** Drafts and submits only go out while the session is bound to a live connection. */
  live: boolean;
  /** Client-clock ms when the round ends; null when untimed. */
  deadline: number | null;
  /** Saves on `baseRevision`; rejects with DRAFT_STALE when another tab saved this answer since. */
  onSaveDraft: (questionId: string, content: AnswerContent, baseRevision: number) => Promise<AnswerDraftResult>;
  /** Submits on `baseRevision` (the revision this box shows); rejects with DRAFT_STALE when another tab saved this answer since. */
  onSubmit: (question: RoomQuestion, submissionId: string, content: AnswerContent, baseRevision: number) => Promise<void>;
  /** Runs the visible tests (coding questions); nothing is recorded as an answer. */
  onRunCode: (questionId: string, code: string, language: Language, onWaiting?: (ahead: number) => void) => Promise<CodeRunResult>;
  /** Shows a message in the room's error banner; null clears it. */
  onError: (message: string | null) => void;
  /** The room saves now and learns this box's revision (before ending the interview), or reports its refusal, through this. */
  registerDraft?: (handle: DraftHandle | null) => void;
};

/**
 * The answer box for one question (mounted with key=questionId, so a new
 * question starts empty, test results included). What it holds is a reducer
 * (room/answer-draft.ts); autosave and test runs are hooks beside it; this
 * component wires them to the fields and submits.
 *
 * Coding questions answer in the editor; a follow-up on one usually asks
 * "why", so it gets an explanation box too and the editor starts from the
 * code just submitted. A main coding question may carry optional notes.
 */
export function AnswerPanel({
  question,
  initialDraft,
  carryOver,
  live,
  deadline,
  onSaveDraft,
  onSubmit,
  onRunCode,
  onError,
  registerDraft,
}: Props) {
  const languages = languagesOf(question);
  const isCode = question.answerFormat === "code";
  const isFollowUp = question.kind === "follow-up";

  const [state, dispatch] = useReducer(draftReducer, undefined, () => initialDraftState(question, initialDraft, carryOver));
  const [submitting, setSubmitting] = useState(false);
  const [notesOpen, setNotesOpen] = useState(() => (initialDraft?.text ?? "").trim() !== "");
  const code = codeIn(state, question);
  const content = draftContent(state, question);
  const blank = submittable(content) === null;

  const questionId = question.questionId;
  const mounted = useMounted();
  const autosave = useAutosave(content, {
    questionId,
    live,
    deadline,
    initialRevision: initialDraft?.revision ?? 0,
    save: onSaveDraft,
    dispatch,
    registerDraft,
  });
  const tests = useTestRun(questionId, onRunCode, onError, mounted);
  const stale = tests.run !== null && (tests.run.code !== code || tests.run.language !== state.language);

  /** Apply an edit and hand the resulting content to autosave. */
  const change = (action: DraftAction) => {
    dispatch(action);
    autosave.edited(draftContent(draftReducer(state, action), question));
  };

  /** Another tab saved newer text: load it here (this box's unsaved text is replaced), or save this box's over it. */
  const loadNewer = (newer: Draft) => {
    const action: DraftAction = { type: "load-draft", draft: newer };
    dispatch(action);
    autosave.loadNewer(newer, draftContent(draftReducer(state, action), question));
  };

  // Kept across failed attempts: a retried submit must not count as a second answer.
  const submissionIdRef = useRef<string | null>(null);
  const submit = async (given?: AnswerContent) => {
    if (submitting) return;
    const answer = given ?? submittable(autosave.latest());
    if (!answer) return;
    autosave.hold();
    const submissionId = (submissionIdRef.current ??= newSubmissionId());
    setSubmitting(true);
    try {
      // Named after the saves already sent are acked: one in flight moves this box to the revision it creates.
      await onSubmit(question, submissionId, answer, await autosave.shownRevision());
      autosave.settled();
      submissionIdRef.current = null;
      dispatch({ type: "submitted" });
    } catch (err) {
      // Another tab saved this answer after the text shown here: nothing was handed in; the candidate chooses which text to keep.
      if (mounted.current && err instanceof RequestError && err.code === "DRAFT_STALE") autosave.refusedAsStale(err.draft ?? null);
      // Refused because the round ended meanwhile: the panel is already gone, but the candidate must hear why.
      if (mounted.current) onError(`Your answer was not submitted: ${errorMessage(err)}`);
      else if (err instanceof RequestError && err.code === "ROUND_TIME_UP")
        onError("Time ran out before your answer was submitted; your last saved draft was graded.");
    } finally {
      setSubmitting(false);
    }
  };

  const textArea = (props: { rows: number; placeholder: string; label: string; testId: string; className: string }) => (
    <AnswerTextArea
      {...props}
      value={state.text}
      onChange={(text) => change({ type: "text", text })}
      onSubmitShortcut={() => !blank && live && void submit()}
      readOnly={submitting}
    />
  );

  return (
    <section className="answer" aria-label="Your answer">
      {isCode ? (
        <>
          {isFollowUp && (
            <label className="answer-part">
              <span className="answer-part-label">Your explanation</span>
              {textArea({
                rows: 6,
                placeholder: "Explain your reasoning. Markdown is fine. Ctrl+Enter submits.",
                label: "Your explanation",
                testId: "answer-text",
                className: "answer-text compact",
              })}
            </label>
          )}
          <div className="answer-toolbar">
            {isFollowUp && <span className="answer-part-label">Your code (change it if the question asks)</span>}
            <label>
              Language{" "}
              <select
                data-testid="language-select"
                value={state.language}
                onChange={(e) => change({ type: "language", language: e.target.value as Language })}
                disabled={submitting}
              >
                {languages.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <Suspense fallback={<div className="code-editor-loading muted">Loading the editor…</div>}>
            <CodeEditor
              value={code}
              language={state.language}
              onChange={(value) => change({ type: "code", code: value })}
              readOnly={submitting}
            />
          </Suspense>
          {!isFollowUp && (
            <details className="answer-notes" open={notesOpen} onToggle={(e) => setNotesOpen(e.currentTarget.open)}>
              <summary>Notes (optional): assumptions, trade-offs, how you would test it</summary>
              {textArea({
                rows: 5,
                placeholder: "Sent with your code. Markdown is fine.",
                label: "Notes on your code",
                testId: "answer-notes",
                className: "answer-text compact",
              })}
            </details>
          )}
        </>
      ) : (
        textArea({
          rows: 16,
          placeholder: "Type your answer. Markdown is fine. Ctrl+Enter submits.",
          label: "Your answer",
          testId: "answer-text",
          className: "answer-text",
        })
      )}
      {state.status.kind === "stale" && (
        <StaleDraftNotice
          newer={state.status.newer}
          onLoad={loadNewer}
          onKeepMine={(newer) => void autosave.keepMine(newer)}
          disabled={!live || submitting}
        />
      )}
      <AnswerActions
        statusKind={state.status.kind}
        statusText={!live && autosave.unsaved() ? "Offline: will save when reconnected" : saveStatusText(state.status)}
        live={live}
        submitting={submitting}
        blank={blank}
        onSkip={() => void submit({ text: "skip" })}
        onSubmit={() => void submit()}
        tests={
          isCode && (question.visibleTests?.length ?? 0) > 0
            ? { ...tests, canRun: code.trim() !== "", onRun: () => void tests.runTests(code, state.language) }
            : null
        }
      />
      {tests.run && <TestResults report={tests.run.report} stale={stale} />}
    </section>
  );
}
