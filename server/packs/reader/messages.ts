import type { DraftQuestionResult, SuggestTermsBody, TermSuggestions } from "../../contracts/index.js";
import type { PackIssue, PortablePack, PortableReadable } from "../../scenarios/index.js";
import type { DraftPlacement } from "../../teams/authoring/place-draft.js";

/**
 * One task for the reading thread: a pack's text to read, with the file name its issues carry ("editor", "upload");
 * a model-drafted question to place in the editor's pack (read, added to, and the result checked); or evidence terms
 * to suggest from a question's exemplars (server/teams/authoring/suggest-terms.ts).
 */
export type ReadTask = { read: { text: string; file: string } } | { place: DraftPlacement } | { suggest: SuggestTermsBody };
export type ReadRequest = ReadTask & { id: number };

/** The worker's answer: the pack with its positions, the pack's problems, the placed draft, the suggested terms, or a failure of the worker itself. */
export type ReadReply =
  | { id: number; ok: true; read: PortablePack }
  | { id: number; ok: true; placed: DraftQuestionResult }
  | { id: number; ok: true; suggested: TermSuggestions }
  | { id: number; ok: false; issues: PackIssue[]; readable?: PortableReadable }
  | { id: number; ok: false; error: string };
