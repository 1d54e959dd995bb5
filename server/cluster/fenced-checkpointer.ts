import { AsyncLocalStorage } from "node:async_hooks";
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

/** The lease a checkpoint write is made under: this instance, holding the session under `fence`. */
export type WriteLease = { sessionId: string; holder: string; fence: number };

/** The lease of the write running in this async context, read by the pool when the saver takes a connection. */
const writing = new AsyncLocalStorage<WriteLease>();

/**
 * Checks the lease inside the write's transaction and share-locks its row
 * until the transaction ends: a takeover (which updates that row) waits for
 * the write to commit, or the write finds the lease gone and rolls back. So
 * no instance can write a checkpoint after it lost the session, however long
 * it froze anywhere before.
 */
async function checkFence(client: pg.PoolClient, lease: WriteLease): Promise<void> {
  const { rowCount } = await client.query(
    `select 1 from session_leases where session_id = $1 and holder = $2 and fence = $3 and held = 1 for share`,
    [lease.sessionId, lease.holder, lease.fence],
  );
  if (!rowCount) throw new LeaseLostError(lease.sessionId);
}

/** The client the saver writes through: right after its BEGIN, the fence check joins the transaction. */
function fencedClient(client: pg.PoolClient, lease: WriteLease): pg.PoolClient {
  const query = async (...args: Parameters<pg.PoolClient["query"]>) => {
    const result = await (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
    if (args[0] === "BEGIN") await checkFence(client, lease);
    return result;
  };
  return new Proxy(client, { get: (target, prop) => (prop === "query" ? query : Reflect.get(target, prop, target)) });
}

/** The saver's pool: connections taken for a fenced write (see `writing`) are fenced; reads pass through. */
function fencedPool(pool: pg.Pool): pg.Pool {
  const connect = async () => {
    const lease = writing.getStore();
    const client = await pool.connect();
    return lease ? fencedClient(client, lease) : client;
  };
  return new Proxy(pool, {
    get: (target, prop) => {
      if (prop === "connect") return connect;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * PostgresSaver whose writes are fenced by the thread's session lease (thread
 * id = session id): each `put` and `putWrites` runs in one transaction (the
 * saver's own), and the lease check is its first statement. An instance that
 * froze past its lease and wakes up fails its next checkpoint write, and
 * nothing it writes lands after another instance took the session over.
 * Writes outside a leased step (no lease known here) are not fenced.
 */
export class FencedPostgresSaver extends PostgresSaver {
  constructor(
    pool: pg.Pool,
    schema: string,
    private readonly leaseOf: (sessionId: string) => WriteLease | undefined,
  ) {
    super(fencedPool(pool), undefined, { schema });
  }

  private fenced<T>(config: RunnableConfig, write: () => Promise<T>): Promise<T> {
    const sessionId = config.configurable?.thread_id as string | undefined;
    const lease = sessionId ? this.leaseOf(sessionId) : undefined;
    return lease ? writing.run(lease, write) : write();
  }

  override async put(config: RunnableConfig, checkpoint: Checkpoint, metadata: CheckpointMetadata, newVersions: ChannelVersions) {
    return this.fenced(config, () => super.put(config, checkpoint, metadata, newVersions));
  }

  override async putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string): Promise<void> {
    return this.fenced(config, () => super.putWrites(config, writes, taskId));
  }
}
