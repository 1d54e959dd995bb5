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
  /** The room saves now and learns the revision this box shows (before ending the interview), or reports a refusal, through this. */
  registerDraft?: ((handle: DraftHandle | null) => void) | undefined;
};

/** The open answer's draft as the room sees it: ending the interview saves it first, and names the revision it shows. */
export type DraftHandle = {
  /** Save what is unsaved; resolves with the question and the revision this box's text now stands on. */
  saveNow(): Promise<{ questionId: string; baseRevision: number }>;
  /** A submit or an end naming this box's revision was refused with DRAFT_STALE: as a refused save. */
  refusedAsStale(newer: Draft | null): void;
};

type Autosave = {
  /** The candidate changed the answer: remember it and save after a quiet moment. */
  edited(content: AnswerContent): void;
  /** Save what is unsaved now. */
  saveNow(): Promise<void>;
  /** Once the saves sent so far are acked: the revision this box's text stands on (a submit names it). */
  shownRevision(): Promise<number>;
  /** A submit or an end naming this box's revision was refused with DRAFT_STALE: hold saves until the candidate chooses. */
  refusedAsStale(newer: Draft | null): void;
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
};

/**
 * Draft autosave for one question's answer box. Typing not yet saved must not be
 * lost: it is sent after a quiet moment, just before the round's deadline, when
 * the connection comes back, when the room asks (ending the interview), when the
 * page is hidden or closed, and when the panel goes away.
 */
export function useAutosave(
  initial: AnswerContent,
  { questionId, live, deadline, initialRevision, save, dispatch, registerDraft }: Options,
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

  /** Another tab saved newer text: nothing typed here is lost (it stays unsaved) and nothing is saved until the candidate chooses. */
  const markStale = useCallback(
    (attempt: number, newer: Draft | null) => {
      staleRef.current = true;
      dirtyRef.current = true;
      dispatch({ type: "save-stale", attempt, newer });
    },
    [dispatch],
  );

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
        if (err instanceof RequestError && err.code === "DRAFT_STALE") markStale(attempt, err.draft ?? null);
        else dispatch({ type: "save-failed", attempt, message: errorMessage(err) });
      }
    };
    return (queueRef.current = queueRef.current.then(run, run));
  }, [save, questionId, dispatch, markStale]);

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
    registerDraft?.({
      saveNow: async () => {
        await saveNow();
        return { questionId, baseRevision: revisionRef.current };
      },
      refusedAsStale: (newer) => markStale(attemptRef.current, newer),
    });
    const onHide = () => void saveNow();
    window.addEventListener("pagehide", onHide);
    const onVisibility = () => document.visibilityState === "hidden" && void saveNow();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      registerDraft?.(null);
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [saveNow, registerDraft, questionId, markStale]);

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
    async shownRevision() {
      await queueRef.current;
      return revisionRef.current;
    },
    refusedAsStale: (newer) => markStale(attemptRef.current, newer),
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
    keepMine(newer) {
      // No newer draft stored (it is gone): this text starts the answer's drafts again.
      revisionRef.current = newer?.revision ?? 0;
      staleRef.current = false;
      dirtyRef.current = true;
      return flush();
    },
  };
}
