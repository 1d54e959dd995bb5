import type { PackIssue, PortablePack } from "../../scenarios/index.js";

/** One pack to read: its text and the file name its issues carry ("editor", "upload"). */
export type ReadRequest = { id: number; text: string; file: string };

/** The worker's answer: the pack with its positions, the pack's problems, or a failure of the worker itself. */
export type ReadReply =
  { id: number; ok: true; read: PortablePack } | { id: number; ok: false; issues: PackIssue[] } | { id: number; ok: false; error: string };
