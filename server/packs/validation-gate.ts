import { ServiceError } from "../contracts/index.js";

/**
 * At most one validation (or upload) per team runs reference solutions at a time.
 * An editor's four concurrent validations of a looping pack each held sandboxes for
 * ~190 s; the second one now gets a clear refusal at once instead of queueing work
 * nobody waits for (the editor retries after the first answers).
 */
export function createValidationGate() {
  const running = new Set<string>();
  return {
    async run<T>(team: string, work: () => Promise<T>): Promise<T> {
      if (running.has(team))
        throw new ServiceError(
          "VALIDATION_IN_PROGRESS",
          "this team already has a pack validation or upload running its reference solutions; retry when it finishes",
        );
      running.add(team);
      try {
        return await work();
      } finally {
        running.delete(team);
      }
    },
  };
}
