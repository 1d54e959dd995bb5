import type { DraftQuestionResult } from "../../contracts/index.js";
import type { PackIssue, PortablePack } from "../../scenarios/index.js";
import type { DraftPlacement } from "../../teams/authoring/place-draft.js";

/**
 * One task for the reading thread: a pack's text to read, with the file name its issues carry ("editor", "upload");
 * or a model-drafted question to place in the editor's pack (read, added to, and the result checked).
 */
export type ReadTask = { read: { text: string; file: string } } | { place: DraftPlacement };
export type ReadRequest = ReadTask & { id: number };

/** The worker's answer: the pack with its positions, the pack's problems, the placed draft, or a failure of the worker itself. */
export type ReadReply =
  | { id: number; ok: true; read: PortablePack }
  | { id: number; ok: true; placed: DraftQuestionResult }
  | { id: number; ok: false; issues: PackIssue[] }
  | { id: number; ok: false; error: string };
