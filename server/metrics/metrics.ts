import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Seconds buckets for acks and other request-sized work: 1 ms to 10 s. */
const FAST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];
/** Sandbox runs, grading and model calls take longer: 10 ms to 2 min. */
const SLOW_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/**
 * One registry per app: several apps run in one test process, and each must
 * report only its own counts. Everything is labelled by bounded sets only
 * (event names, error codes, languages, model names from the config), never by
 * session or candidate.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "interview_" });
  const registers = [registry];
  return {
    registry,
    acks: new Counter({
      name: "interview_socket_acks_total",
      help: "Socket events acknowledged, by event and outcome (ok or the error code).",
      labelNames: ["event", "outcome"] as const,
      registers,
    }),
    ackSeconds: new Histogram({
      name: "interview_socket_ack_seconds",
      help: "Time from a socket event's arrival to its ack, by event and outcome.",
      labelNames: ["event", "outcome"] as const,
      buckets: FAST_BUCKETS,
      registers,
    }),
    sandboxRunSeconds: new Histogram({
      name: "interview_sandbox_run_seconds",
      help: "Sandbox test runs, queueing included, by language, scope (visible or all) and outcome.",
      labelNames: ["language", "scope", "outcome"] as const,
      buckets: SLOW_BUCKETS,
      registers,
    }),
    gradingSeconds: new Histogram({
      name: "interview_grading_seconds",
      help: "Grading one answered question (evidence layer and judge), by outcome.",
      labelNames: ["outcome"] as const,
      buckets: SLOW_BUCKETS,
      registers,
    }),
    modelCalls: new Counter({
      name: "interview_model_calls_total",
      help: "Model calls by model and outcome (ok or error).",
      labelNames: ["model", "outcome"] as const,
      registers,
    }),
    modelSeconds: new Histogram({
      name: "interview_model_call_seconds",
      help: "Model call duration by model.",
      labelNames: ["model"] as const,
      buckets: SLOW_BUCKETS,
      registers,
    }),
    modelTokens: new Counter({
      name: "interview_model_tokens_total",
      help: "Tokens used by model calls, by model and kind (input or output).",
      labelNames: ["model", "kind"] as const,
      registers,
    }),
    modelCostUsd: new Counter({
      name: "interview_model_cost_usd_total",
      help: "Estimated model spend in USD at MODEL_PRICES (models without a price count 0).",
      labelNames: ["model"] as const,
      registers,
    }),
    timerLagSeconds: new Histogram({
      name: "interview_round_timer_lag_seconds",
      help: "How late after its deadline a round was closed (timer or cluster poller).",
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120, 600],
      registers,
    }),
    roundTimeouts: new Counter({
      name: "interview_round_timeouts_total",
      help: "Rounds closed by their deadline on this instance.",
      registers,
    }),
    /** Gauges read at scrape time from whatever the app wires in (see `gauge`). */
    gauge(name: string, help: string, read: () => number | Promise<number> | Record<string, number>, labelName?: string) {
      new Gauge({
        name,
        help,
        labelNames: labelName ? [labelName] : [],
        registers,
        async collect() {
          const value = await read();
          if (typeof value === "number") this.set(value);
          else for (const [label, v] of Object.entries(value)) this.set({ [labelName!]: label }, v);
        },
      });
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;

/** Seconds since `startedMs` (performance.now()), for histograms. */
export const secondsSince = (startedMs: number) => (performance.now() - startedMs) / 1000;
