import { parentPort } from "node:worker_threads";
import { PackValidationError, parsePackPortable } from "../../scenarios/index.js";
import { placeDraftedQuestion } from "../../teams/authoring/place-draft.js";
import { suggestEvidenceTerms } from "../../teams/authoring/suggest-terms.js";
import type { ReadReply, ReadRequest } from "./messages.js";

/**
 * Reads packs one at a time, off the server's event loop: YAML parsing, the schema and the cross-checks; and the other
 * CPU-bound authoring work on a pack's text (placing a drafted question, suggesting evidence terms).
 */
parentPort!.on("message", (request: ReadRequest) => {
  const { id } = request;
  let reply: ReadReply;
  try {
    reply =
      "read" in request
        ? { id, ok: true, read: parsePackPortable(request.read.text, request.read.file) }
        : "place" in request
          ? { id, ok: true, placed: placeDraftedQuestion(request.place) }
          : { id, ok: true, suggested: suggestEvidenceTerms(request.suggest) };
  } catch (err) {
    reply =
      err instanceof PackValidationError
        ? { id, ok: false, issues: err.issues, ...(err.portable ? { readable: err.portable } : {}) }
        : { id, ok: false, error: (err as Error)?.message ?? String(err) };
  }
  parentPort!.postMessage(reply);
});
// The parent terminates this thread only after this (nodejs/node#43182, server/workers/stop-worker.ts).
parentPort!.postMessage({ ready: true });
