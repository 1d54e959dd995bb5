import type { IntegrityFlag } from "../../contracts/index.js";

export type { IntegrityFlag };

export type CleanedAnswer = {
  /** The answer with flagged segments removed: the only text evidence is read from. */
  text: string;
  flags: IntegrityFlag[];
};
