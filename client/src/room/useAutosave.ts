import { useCallback, useEffect, useRef, type Dispatch } from "react";
import type { AnswerDraftResult, Draft } from "../../../server/contracts/index.js";
import { errorMessage, RequestError } from "../socket.js";
import type { AnswerContent } from "./answer.js";
import type { DraftAction } from "./answer-draft.js";

/** Quiet time after the last keystroke before the draft is sent. */
const AUTOSAVE_DELAY_MS = 800;
/** Save once more this long before the round's deadline, so a timeout grades the latest text. */
const FINAL_SAVE_LEAD_MS = 2_000;

type Options = {
  questionId: string;
  /** Drafts only go out while the session is bound to a live connection. */
  live: boolean;
  /** Client-clock ms when the round ends; null when untimed. */
  deadline: number | null;
  /** The revision of the draft this box started from (the snapshot's; 0 when there was none). */
  initialRevision: number;
  save: (questionId: string, content: AnswerContent, baseRevision: number) => Promise<AnswerDraftResult>;
  dispatch: Dispatch<DraftAction>;
  /** The room asks for an immediate save (before ending the interview) through this. */
  registerSaveNow?: ((saveNow: (() => Promise<void>) | null) => void) | undefined;
};

type Autosave = {
  /** The candidate changed the answer: remember it and save after a quiet moment. */
  edited(content: AnswerContent): void;
  /** Save what is unsaved now. */
  saveNow(): Promise<void>;
  /** A submit carries the answer: no draft may land after it. */
  hold(): void;
  /** The submit was accepted: nothing is left unsaved. */
  settled(): void;
  /** Typed but not saved yet (read at render time for the offline hint). */
  unsaved(): boolean;
  /** The latest content typed (timers and acks read it, never a stale closure). */
  latest(): AnswerContent;
  /**
   * After DRAFT_STALE (another tab saved newer text): take the newer draft as this box's (the caller puts its text
   * in the box), or keep this box's text and save it over the newer one. Until then nothing is saved from here.
   */
  loadNewer(newer: Draft, content: AnswerContent): void;
  keepMine(newer: Draft | null): Promise<void>;
  /** The revision this box's text is typed on, once the saves already sent have been answered (a submit names it). */
  settledRevision(): Promise<number>;
  /** A submit was refused with DRAFT_STALE: the same choice as for a refused save, before anything is saved or sent. */
  refusedAsStale(newer: Draft | null): void;
};

/**
 * Draft autosave for one question's answer box. Typing not yet saved must not be
 * lost: it is sent after a quiet moment, just before the round's deadline, when
 * the connection comes back, when the room asks (ending the interview), when the
 * page is hidden or closed, and when the panel goes away.
 */
export function useAutosave(
  initial: AnswerContent,
  { questionId, live, deadline, initialRevision, save, dispatch, registerSaveNow }: Options,
): Autosave {
  const contentRef = useRef(initial);
  const dirtyRef = useRef(false);
  /** The revision this box's text is typed on: each save names it, and a save another tab made since refuses it. */
  const revisionRef = useRef(initialRevision);
  /** Another tab saved newer text: hold every save until the candidate chooses (load it, or keep this text). */
  const staleRef = useRef(false);
  /** Saves go one at a time: a second save sent before the first's ack would name the revision the first replaces. */
  const queueRef = useRef<Promise<void>>(Promise.resolve());
  const liveRef = useRef(live);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const attemptRef = useRef(0);
  useEffect(() => {
    liveRef.current = live;
  }, [live]);

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timerRef.current);
    const run = async () => {
      if (!dirtyRef.current || !liveRef.current || staleRef.current) return;
      dirtyRef.current = false;
      const attempt = ++attemptRef.current;
      dispatch({ type: "save-started" });
      try {
        const saved = await save(questionId, contentRef.current, revisionRef.current);
        revisionRef.current = saved.revision;
        dispatch({ type: "save-done", attempt, at: saved.savedAt });
      } catch (err) {
        dirtyRef.current = true;
        if (err instanceof RequestError && err.code === "DRAFT_STALE") {
          staleRef.current = true;
          dispatch({ type: "save-stale", attempt, newer: err.draft ?? null });
        } else dispatch({ type: "save-failed", attempt, message: errorMessage(err) });
      }
    };
    return (queueRef.current = queueRef.current.then(run, run));
  }, [save, questionId, dispatch]);

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

  // The panel going away (the next question started) saves what is left.
  const saveNowRef = useRef(saveNow);
  saveNowRef.current = saveNow;
  useEffect(() => () => void saveNowRef.current(), []);

  return {
    edited(content) {
      contentRef.current = content;
      dirtyRef.current = true;
      clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    saveNow,
    hold: () => clearTimeout(timerRef.current),
    settled() {
      dirtyRef.current = false;
    },
    unsaved: () => dirtyRef.current,
    latest: () => contentRef.current,
    loadNewer(newer, content) {
      contentRef.current = content;
      revisionRef.current = newer.revision;
      staleRef.current = false;
      dirtyRef.current = false;
      clearTimeout(timerRef.current);
    },
    async settledRevision() {
      await queueRef.current;
      return revisionRef.current;
    },
    refusedAsStale(newer) {
      staleRef.current = true;
      dirtyRef.current = true;
      dispatch({ type: "save-stale", attempt: attemptRef.current, newer });
    },
    keepMine(newer) {
      // No newer draft stored (it is gone): this text starts the answer's drafts again.
      revisionRef.current = newer?.revision ?? 0;
      staleRef.current = false;
      dirtyRef.current = true;
      return flush();
    },
  };
}
