import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import type { CodeRunResult, Draft, Language, TestReport } from "../../../server/contracts/index.js";
import { newSubmissionId, nonBlankAnswer, type AnswerContent, type CodeAnswer } from "../room/answer.js";
import type { RoomQuestion } from "../room/room-state.js";
import { errorMessage, RequestError } from "../socket.js";
import { TestResults } from "./TestResults.js";

// CodeMirror is most of the bundle; load it only when a coding question shows up.
const CodeEditor = lazy(() => import("./CodeEditor.js").then((m) => ({ default: m.CodeEditor })));

/** Quiet time after the last keystroke before the draft is sent. */
const AUTOSAVE_DELAY_MS = 800;
/** Save once more this long before the round's deadline, so a timeout grades the latest text. */
const FINAL_SAVE_LEAD_MS = 2_000;

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
  onSaveDraft: (questionId: string, content: AnswerContent) => Promise<number>;
  onSubmit: (question: RoomQuestion, submissionId: string, content: AnswerContent) => Promise<void>;
  /** Runs the visible tests (coding questions); nothing is recorded as an answer. */
  onRunCode: (questionId: string, code: string, language: Language, onWaiting?: (ahead: number) => void) => Promise<CodeRunResult>;
  /** Shows a message in the room's error banner; null clears it. */
  onError: (message: string | null) => void;
  /** The room asks for an immediate save (before ending the interview) through this. */
  registerSaveNow?: (saveNow: (() => Promise<void>) | null) => void;
};

/** The last "Run tests" result, with the code it ran, to tell when it is stale. */
type RunOutcome = { report: TestReport; code: string; language: Language };

type SaveStatus = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: number } | { kind: "failed"; message: string };

const timeOfDay = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

/**
 * The answer box for one question (mounted with key=questionId, so a new
 * question starts empty, test results included). Owns the text, autosave,
 * test runs and submit.
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
  registerSaveNow,
}: Props) {
  const languages: Language[] = question.languages.length > 0 ? question.languages : ["python"];
  const firstLanguage = languages[0] ?? "python";
  const isCode = question.answerFormat === "code";
  const isFollowUp = question.kind === "follow-up";

  // Where the code starts: the saved draft, else the answer a follow-up builds on, else starter code.
  const seed = initialDraft?.code !== undefined ? initialDraft : carryOver;
  const [text, setText] = useState(() => initialDraft?.text ?? "");
  const [language, setLanguage] = useState<Language>(() =>
    seed?.language && languages.includes(seed.language) ? seed.language : firstLanguage,
  );
  // Code per language, so switching language and back does not lose work.
  const [codeByLanguage, setCodeByLanguage] = useState<Partial<Record<Language, string>>>(() =>
    seed?.code !== undefined ? { [seed.language ?? firstLanguage]: seed.code } : {},
  );
  const [status, setStatus] = useState<SaveStatus>(() => (initialDraft ? { kind: "saved", at: initialDraft.savedAt } : { kind: "idle" }));
  const [submitting, setSubmitting] = useState(false);
  const [running, setRunning] = useState(false);
  /** Set while a run queues for a free sandbox (other candidates' runs are ahead). */
  const [waiting, setWaiting] = useState(false);
  const [run, setRun] = useState<RunOutcome | null>(null);
  const [notesOpen, setNotesOpen] = useState(() => (initialDraft?.text ?? "").trim() !== "");

  const codeFor = (l: Language) => codeByLanguage[l] ?? question.starterCode?.[l] ?? "";
  const code = codeFor(language);
  // Drafts keep everything typed (blank parts included); a submit sends only the non-blank parts.
  const contentOf = (t: string, c: string, l: Language): AnswerContent => (isCode ? { code: c, language: l, text: t } : { text: t });
  const content = contentOf(text, code, language);

  // Timers and socket acks fire after renders; they read these refs, not stale closures.
  const contentRef = useRef(content);
  const dirtyRef = useRef(false);
  const liveRef = useRef(live);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveCounter = useRef(0);
  // Kept across failed attempts: a retried submit must not count as a second answer.
  const submissionIdRef = useRef<string | null>(null);
  useEffect(() => {
    liveRef.current = live;
  }, [live]);

  const questionId = question.questionId;
  const flush = useCallback(async () => {
    clearTimeout(timerRef.current);
    if (!dirtyRef.current || !liveRef.current) return;
    dirtyRef.current = false;
    const attempt = ++saveCounter.current;
    setStatus({ kind: "saving" });
    try {
      const savedAt = await onSaveDraft(questionId, contentRef.current);
      // An older save finishing late must not overwrite a newer status.
      if (attempt === saveCounter.current) setStatus({ kind: "saved", at: savedAt });
    } catch (err) {
      dirtyRef.current = true;
      if (attempt === saveCounter.current) setStatus({ kind: "failed", message: errorMessage(err) });
    }
  }, [onSaveDraft, questionId]);

  const edited = (next: AnswerContent) => {
    contentRef.current = next;
    dirtyRef.current = true;
    clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  };

  // Back online (reconnected and resumed): send what was typed meanwhile.
  useEffect(() => {
    if (live && dirtyRef.current) void flush();
  }, [live, flush]);

  useEffect(() => {
    if (deadline === null) return;
    const wait = deadline - FINAL_SAVE_LEAD_MS - Date.now();
    if (wait <= 0) return;
    const id = setTimeout(() => void flush(), wait);
    return () => clearTimeout(id);
  }, [deadline, flush]);

  // Typing not yet autosaved must not be lost: save it now when the room asks
  // (ending the interview), when the page is hidden or closed, and when this
  // panel goes away.
  const saveNow = useCallback(async () => {
    clearTimeout(timerRef.current);
    if (dirtyRef.current) await flush();
  }, [flush]);
  useEffect(() => {
    registerSaveNow?.(saveNow);
    const onHide = () => void saveNow();
    window.addEventListener("pagehide", onHide);
    const onVisibility = () => document.visibilityState === "hidden" && void saveNow();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      registerSaveNow?.(null);
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [saveNow, registerSaveNow]);

  // Acks can land after this question's panel is gone (the next question
  // started); their outcome no longer concerns the candidate.
  const mountedRef = useRef(true);
  const saveNowRef = useRef(saveNow);
  saveNowRef.current = saveNow;
  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      void saveNowRef.current();
    };
  }, []);

  const onText = (value: string) => {
    setText(value);
    edited(contentOf(value, code, language));
  };
  const onCode = (value: string) => {
    setCodeByLanguage((prev) => ({ ...prev, [language]: value }));
    edited(contentOf(text, value, language));
  };
  const onLanguage = (next: Language) => {
    setLanguage(next);
    edited(contentOf(text, codeFor(next), next));
  };

  // The server rejects blank answers; skipping is an explicit "skip" answer.
  const toSubmit = (c: AnswerContent): AnswerContent | null =>
    "code" in c ? nonBlankAnswer(c.text ?? "", { code: c.code, language: c.language }) : nonBlankAnswer(c.text, null);
  const blank = toSubmit(content) === null;

  // ---- Run tests ----
  const runningRef = useRef(false);
  // Set while the banner shows a failed run, so the next good run can clear it.
  const runErrorShownRef = useRef(false);
  const runnable = isCode && (question.visibleTests?.length ?? 0) > 0;
  const stale = run !== null && (run.code !== code || run.language !== language);
  const runTests = async () => {
    if (runningRef.current || code.trim() === "") return;
    const ran = { code, language };
    runningRef.current = true;
    setRunning(true);
    try {
      const { report } = await onRunCode(questionId, ran.code, ran.language, () => mountedRef.current && setWaiting(true));
      if (!mountedRef.current) return;
      setRun({ report, ...ran });
      if (runErrorShownRef.current) onError(null);
      runErrorShownRef.current = false;
    } catch (err) {
      if (!mountedRef.current) return;
      runErrorShownRef.current = true;
      onError(`The tests did not run: ${errorMessage(err)}`);
    } finally {
      runningRef.current = false;
      if (mountedRef.current) {
        setRunning(false);
        setWaiting(false);
      }
    }
  };

  const submit = async (given?: AnswerContent) => {
    if (submitting) return;
    const answer = given ?? toSubmit(contentRef.current);
    if (!answer) return;
    // The submit carries the answer; a draft landing after it would be noise.
    clearTimeout(timerRef.current);
    const submissionId = (submissionIdRef.current ??= newSubmissionId());
    setSubmitting(true);
    try {
      await onSubmit(question, submissionId, answer);
      dirtyRef.current = false;
      submissionIdRef.current = null;
      setText("");
      setCodeByLanguage({});
    } catch (err) {
      // Refused because the round ended meanwhile: the panel is already gone, but the candidate must hear why.
      if (mountedRef.current) onError(`Your answer was not submitted: ${errorMessage(err)}`);
      else if (err instanceof RequestError && err.code === "ROUND_TIME_UP")
        onError("Time ran out before your answer was submitted; your last saved draft was graded.");
    } finally {
      setSubmitting(false);
    }
  };

  const statusText =
    status.kind === "saving"
      ? "Saving…"
      : status.kind === "saved"
        ? `Saved ${timeOfDay(status.at)}`
        : status.kind === "failed"
          ? `Autosave failed: ${status.message}`
          : "";

  const textArea = (props: { rows: number; placeholder: string; label: string; testId: string; className: string }) => (
    <textarea
      data-testid={props.testId}
      className={props.className}
      value={text}
      onChange={(e) => onText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !blank && live) void submit();
      }}
      placeholder={props.placeholder}
      rows={props.rows}
      readOnly={submitting}
      aria-label={props.label}
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
                value={language}
                onChange={(e) => onLanguage(e.target.value as Language)}
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
            <CodeEditor value={code} language={language} onChange={onCode} readOnly={submitting} />
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
      <div className="answer-actions">
        <span className={`draft-status ${status.kind}`} data-testid="draft-status" aria-live="polite">
          {!live && dirtyRef.current ? "Offline: will save when reconnected" : statusText}
        </span>
        <div className="answer-buttons">
          <button
            type="button"
            onClick={() => {
              if (window.confirm("Skip this question? It will score zero.")) void submit({ text: "skip" });
            }}
            disabled={submitting || !live}
          >
            Skip
          </button>
          {runnable && (
            <button
              type="button"
              data-testid="run-tests"
              onClick={() => void runTests()}
              disabled={running || submitting || !live || code.trim() === ""}
              title="Run the example tests on your code (this does not submit it)"
            >
              {running ? (waiting ? "Waiting for a free sandbox…" : "Running…") : "Run tests"}
            </button>
          )}
          <button
            type="button"
            className="primary"
            data-testid="submit-answer"
            onClick={() => void submit()}
            disabled={submitting || !live || blank}
            title={blank ? "Write an answer first, or skip the question" : undefined}
          >
            {submitting ? "Submitting…" : "Submit answer"}
          </button>
        </div>
      </div>
      {run && <TestResults report={run.report} stale={stale} />}
    </section>
  );
}
