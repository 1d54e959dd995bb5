import type { RunnableConfig } from "@langchain/core/runnables";
import type { ChannelVersions, Checkpoint, CheckpointMetadata, PendingWrite } from "@langchain/langgraph-checkpoint";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import type pg from "pg";

/** A write from an instance that no longer holds the session (its lease expired and another took it). */
export class LeaseLostError extends Error {
  override name = "LeaseLostError";
  constructor(readonly sessionId: string) {
    super(`this instance no longer holds session ${sessionId}; another instance took it over`);
  }
}

/**
 * PostgresSaver whose writes first check that this instance still holds the
 * thread's session (thread id = session id). An instance that froze past its
 * lease and wakes up finds the check failing at its next checkpoint and stops,
 * instead of writing over the instance that took the session over. The check
 * and the write are separate statements (the saver runs its own transaction):
 * events, which clients see, are fenced atomically instead (fenced-events.ts).
 */
export class FencedPostgresSaver extends PostgresSaver {
  constructor(
    pool: pg.Pool,
    schema: string,
    private readonly stillHeld: (sessionId: string) => Promise<boolean>,
  ) {
    super(pool, undefined, { schema });
  }

  private async check(config: RunnableConfig): Promise<void> {
    const sessionId = config.configurable?.thread_id as string | undefined;
    if (sessionId && !(await this.stillHeld(sessionId))) throw new LeaseLostError(sessionId);
  }

  override async put(config: RunnableConfig, checkpoint: Checkpoint, metadata: CheckpointMetadata, newVersions: ChannelVersions) {
    await this.check(config);
    return super.put(config, checkpoint, metadata, newVersions);
  }

  override async putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string): Promise<void> {
    await this.check(config);
    return super.putWrites(config, writes, taskId);
  }
}
