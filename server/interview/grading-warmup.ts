import type { Logger } from "pino";
import { prepareAnswer } from "../grading/index.js";
import type { PackCatalog } from "../scenarios/index.js";
import type { WarmGrading } from "./grading-thread/index.js";

/** In this thread, when grading runs here (tests, the CLI). */
const warmHere: WarmGrading = async (question, pack) => void prepareAnswer(question, [], { pack });

/**
 * Build a pack version's grading index ahead of need. The index (model-answer
 * fingerprints for the copy check, rubric fingerprints, word weights; ~1.9 s
 * of CPU for the built-in pack) is built on first use, and the first use was
 * the first follow-up after a restart: that candidate's submit, and every ack
 * queued behind it, waited for it. Asked for once a session has its first
 * question on screen (the candidate reads it for a while); built once per pack
 * version per process, on the next turn of the event loop, where grading runs (`build`: the grading thread in
 * the app, so neither the index nor the English model is ever built on the server's event loop).
 *
 * `stopping` says the server is shutting down: a warm-up it cuts short (the grading thread or the database closed
 * under it) is expected then, and logged at debug; the same failure while the server runs is a warning. A server
 * stopped within a second of starting used to warn every time.
 */
export function createGradingWarmup(
  packs: Pick<PackCatalog, "get">,
  logger: Logger,
  build: WarmGrading = warmHere,
  stopping: () => boolean = () => false,
) {
  const asked = new Set<string>();
  return (packId: string, version: number): void => {
    const key = `${packId}@${version}`;
    if (asked.has(key)) return;
    asked.add(key);
    setImmediate(() => {
      if (stopping()) return;
      packs
        .get(packId, version)
        .then((record) => {
          const first = record?.pack.questions[0];
          // The index is built for the pack whatever the question; no answer needs reading.
          if (record && first) return build(first, record.pack);
        })
        // Only time is lost: the first follow-up builds it then.
        .catch((err: unknown) => {
          if (stopping()) logger.debug({ err, packId, version }, "grading index warm-up cut short: the server is stopping");
          else logger.warn({ err, packId, version }, "could not build the grading index ahead of need");
        });
    });
  };
}
