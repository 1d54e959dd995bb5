import type { Draft, Language } from "../../../server/contracts/index.js";
import { nonBlankAnswer, type AnswerContent, type CodeAnswer } from "./answer.js";
import type { RoomQuestion } from "./room-state.js";

/**
 * What the answer box holds for one question, as a pure reducer: the text, the
 * code per language (switching language and back keeps the work) and the
 * autosave status. The timers and socket calls around it live in useAutosave.
 */

type SaveStatus =
  | { kind: "idle" }
  | { kind: "saving"; attempt: number }
  | { kind: "saved"; at: number }
  | { kind: "failed"; message: string }
  /** Another tab saved newer text for this answer (`newer`, null if it is gone): nothing here is saved until the candidate chooses. */
  | { kind: "stale"; newer: Draft | null };

export type DraftState = {
  text: string;
  language: Language;
  codeByLanguage: Partial<Record<Language, string>>;
  status: SaveStatus;
  /** Counts saves started, so an older save finishing late never overwrites a newer status. */
  saves: number;
};

export type DraftAction =
  | { type: "text"; text: string }
  | { type: "code"; code: string }
  | { type: "language"; language: Language }
  | { type: "save-started" }
  | { type: "save-done"; attempt: number; at: number }
  | { type: "save-failed"; attempt: number; message: string }
  | { type: "save-stale"; attempt: number; newer: Draft | null }
  /** The candidate chose to load another tab's newer draft: it replaces what this tab holds. */
  | { type: "load-draft"; draft: Draft }
  /** The answer was accepted: the box starts empty (a follow-up gets its own panel anyway). */
  | { type: "submitted" };

/** The languages the question offers; Python when it names none. */
export function languagesOf(question: Pick<RoomQuestion, "languages">): Language[] {
  return question.languages.length > 0 ? question.languages : ["python"];
}

/** Where the box starts: the saved draft, else the answer a follow-up builds on (code), else empty with starter code. */
export function initialDraftState(
  question: Pick<RoomQuestion, "languages">,
  saved: Draft | null,
  carryOver: CodeAnswer | null,
): DraftState {
  const languages = languagesOf(question);
  const first = languages[0]!;
  const seed = saved?.code !== undefined ? saved : carryOver;
  return {
    text: saved?.text ?? "",
    language: seed?.language && languages.includes(seed.language) ? seed.language : first,
    codeByLanguage: seed?.code !== undefined ? { [seed.language ?? first]: seed.code } : {},
    status: saved ? { kind: "saved", at: saved.savedAt } : { kind: "idle" },
    saves: 0,
  };
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case "text":
      return { ...state, text: action.text };
    case "code":
      return { ...state, codeByLanguage: { ...state.codeByLanguage, [state.language]: action.code } };
    case "language":
      return { ...state, language: action.language };
    case "save-started":
      return { ...state, saves: state.saves + 1, status: { kind: "saving", attempt: state.saves + 1 } };
    case "save-done":
      return action.attempt === state.saves ? { ...state, status: { kind: "saved", at: action.at } } : state;
    case "save-failed":
      return action.attempt === state.saves ? { ...state, status: { kind: "failed", message: action.message } } : state;
    case "save-stale":
      return action.attempt === state.saves ? { ...state, status: { kind: "stale", newer: action.newer } } : state;
    case "load-draft": {
      const { draft } = action;
      return {
        ...state,
        text: draft.text ?? "",
        ...(draft.code !== undefined
          ? { codeByLanguage: { ...state.codeByLanguage, [draft.language ?? state.language]: draft.code } }
          : {}),
        ...(draft.language ? { language: draft.language } : {}),
        status: { kind: "saved", at: draft.savedAt },
      };
    }
    case "submitted":
      return { ...state, text: "", codeByLanguage: {} };
  }
}

/** The code in the editor for a language: what was typed, else the starter code. */
export function codeIn(state: DraftState, question: Pick<RoomQuestion, "starterCode">, language: Language = state.language): string {
  return state.codeByLanguage[language] ?? question.starterCode?.[language] ?? "";
}

/** What a draft save sends: everything typed, blank parts included. */
export function draftContent(state: DraftState, question: Pick<RoomQuestion, "answerFormat" | "starterCode">): AnswerContent {
  return question.answerFormat === "code"
    ? { code: codeIn(state, question), language: state.language, text: state.text }
    : { text: state.text };
}

/** What a submit sends: only the non-blank parts; null when there is nothing (the server rejects blank answers). */
export function submittable(content: AnswerContent): AnswerContent | null {
  return "code" in content
    ? nonBlankAnswer(content.text ?? "", { code: content.code, language: content.language })
    : nonBlankAnswer(content.text, null);
}

const timeOfDay = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

/** The line under the answer box. */
export function saveStatusText(status: SaveStatus): string {
  switch (status.kind) {
    case "saving":
      return "Saving…";
    case "saved":
      return `Saved ${timeOfDay(status.at)}`;
    case "failed":
      return `Autosave failed: ${status.message}`;
    case "stale":
      return status.newer
        ? `Not saved: another tab saved newer text at ${timeOfDay(status.newer.savedAt)}`
        : "Not saved: another tab changed this answer";
    case "idle":
      return "";
  }
}
