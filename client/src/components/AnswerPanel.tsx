import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import type { Draft, Language } from "../../../server/contracts/index.js";
import { newSubmissionId, type AnswerContent } from "../room/answer.js";
import type { RoomQuestion } from "../room/room-state.js";
import { errorMessage } from "../socket.js";

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
  carryOver: AnswerContent | null;
  /** Drafts and submits only go out while the session is bound to a live connection. */
  live: boolean;
  /** Client-clock ms when the round ends; null when untimed. */
  deadline: number | null;
  onSaveDraft: (questionId: string, content: AnswerContent) => Promise<number>;
  onSubmit: (question: RoomQuestion, submissionId: string, content: AnswerContent) => Promise<void>;
  onError: (message: string) => void;
};

type SaveStatus = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: number } | { kind: "failed"; message: string };

const timeOfDay = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

/**
 * The answer box for one question (mounted with key=questionId, so a new
 * question starts empty). Owns the text, autosave and submit.
 */
export function AnswerPanel({ question, initialDraft, carryOver, live, deadline, onSaveDraft, onSubmit, onError }: Props) {
  const languages: Language[] = question.languages.length > 0 ? question.languages : ["python"];
  const firstLanguage = languages[0] ?? "python";
  const isCode = question.answerFormat === "code";

  // Where the code starts: the saved draft, else the answer a follow-up builds on, else starter code.
  const seed = initialDraft?.code !== undefined ? initialDraft : carryOver && "code" in carryOver ? carryOver : null;
  const [text, setText] = useState(() => initialDraft?.text ?? "");
  const [language, setLanguage] = useState<Language>(() =>
    seed?.language && languages.includes(seed.language) ? seed.language : firstLanguage,
  );
  // Code per language, so switching language and back does not lose work.
  const [codeByLanguage, setCodeByLanguage] = useState<Partial<Record<Language, string>>>(() =>
    seed?.code !== undefined ? { [seed.language ?? firstLanguage]: seed.code } : {},
  );
  const [status, setStatus] = useState<SaveStatus>(() =>
    initialDraft ? { kind: "saved", at: initialDraft.savedAt } : { kind: "idle" },
  );
  const [submitting, setSubmitting] = useState(false);

  const code = codeByLanguage[language] ?? question.starterCode?.[language] ?? "";
  const content: AnswerContent = isCode ? { code, language } : { text };

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

  // Acks can land after this question's panel is gone (the next question
  // started); their outcome no longer concerns the candidate.
  const mountedRef = useRef(true);
  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      clearTimeout(timerRef.current);
    };
  }, []);

  const onText = (value: string) => {
    setText(value);
    edited({ text: value });
  };
  const onCode = (value: string) => {
    setCodeByLanguage((prev) => ({ ...prev, [language]: value }));
    edited({ code: value, language });
  };
  const onLanguage = (next: Language) => {
    setLanguage(next);
    edited({ code: codeByLanguage[next] ?? question.starterCode?.[next] ?? "", language: next });
  };

  // The server rejects blank answers; skipping is an explicit "skip" answer.
  const blank = isCode ? code.trim() === "" : text.trim() === "";

  const submit = async (answer: AnswerContent = contentRef.current) => {
    if (submitting) return;
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
      if (mountedRef.current) onError(`Your answer was not submitted: ${errorMessage(err)}`);
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

  return (
    <section className="answer" aria-label="Your answer">
      {isCode ? (
        <>
          <div className="answer-toolbar">
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
        </>
      ) : (
        <textarea
          data-testid="answer-text"
          className="answer-text"
          value={text}
          onChange={(e) => onText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !blank) void submit();
          }}
          placeholder="Type your answer. Markdown is fine. Ctrl+Enter submits."
          rows={16}
          readOnly={submitting}
          aria-label="Your answer"
        />
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
    </section>
  );
}
